// The address bar's state: which program (a catalog id or the code itself), the live and replay
// speeds, the step (in compare mode, the position in both runs' merged events), and the mode. Kept in the fragment so that reopening the link needs nothing but the page.

function to_base64url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function from_base64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

// { scenario?, source?, speed?, replay?, step?, seed?, mode?, compare?: [a, b] } → "#…"
export function encode_permalink(view) {
  const params = new URLSearchParams();
  if (view.mode === 'compare' && view.compare) params.set('compare', view.compare.join(','));
  else if (view.scenario) params.set('example', view.scenario);
  else if (view.source !== undefined) params.set('code', to_base64url(view.source));
  if (view.speed !== undefined) params.set('speed', String(view.speed));
  if (view.replay !== undefined) params.set('replay', String(view.replay));
  if (view.step !== undefined && view.step !== null) params.set('step', String(view.step));
  if (view.seed !== undefined && view.seed !== null) params.set('seed', String(view.seed));
  if (view.mode === 'predict') params.set('mode', 'predict');
  return `#${params.toString()}`;
}

// The inverse; anything unreadable is left out rather than guessed.
export function decode_permalink(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view = {};
  if (params.has('compare')) {
    const pair = params.get('compare').split(',');
    if (pair.length === 2 && pair[0] && pair[1]) {
      view.mode = 'compare';
      view.compare = pair;
    }
  }
  if (params.has('example')) view.scenario = params.get('example');
  if (params.has('code')) {
    try {
      view.source = from_base64url(params.get('code'));
    } catch {
      view.error = 'the link\'s code could not be read';
    }
  }
  const speed = params.get('speed');
  if (speed === 'instant') view.speed = 'instant';
  else if (speed !== null && Number.isFinite(Number(speed)) && Number(speed) > 0) view.speed = Number(speed);
  const replay = Number(params.get('replay'));
  if (params.has('replay') && Number.isFinite(replay) && replay > 0) view.replay = replay;
  const step = params.get('step');
  if (step !== null && /^\d+$/.test(step)) view.step = Number(step);
  // The run's random seed (run_finished's random_seed): the link's run starts from it, so it replays
  const seed = params.get('seed');
  if (seed !== null && /^\d{1,16}$/.test(seed) && Number(seed) <= Number.MAX_SAFE_INTEGER) view.seed = Number(seed);
  if (params.get('mode') === 'predict') view.mode = 'predict';
  return view;
}
