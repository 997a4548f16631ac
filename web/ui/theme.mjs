// Light or dark: the system's choice until the user picks one, which is remembered.

const storage_key = 'loopscope-theme';

// The saved choice, and the button that changes it.
export function restore_theme(button) {
  try {
    const saved = localStorage.getItem(storage_key);
    if (saved) document.documentElement.dataset.theme = saved;
  } catch { /* no storage: follow the system */ }
  button.addEventListener('click', toggle_theme);
}

function current_theme() {
  return document.documentElement.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

export function toggle_theme() {
  const theme = current_theme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = theme;
  try { localStorage.setItem(storage_key, theme); } catch { /* private mode: the choice lasts this page only */ }
}
