// Run files on the page: the Save and Open buttons, a file dropped anywhere on the page, and the
// Perfetto export. What a file holds and how it is read is lib/run_file.mjs; the trace is
// lib/trace_export.mjs; this module only moves files between the user and them.

import { max_run_file_bytes } from '../lib/run_file.mjs';

const $ = (id) => document.getElementById(id);

// Hands a text to the browser as a download named `name`. The previous download's address is freed
// at the next one (freeing it at once could cut the download short).
let last_url = null;
function download(name, text, type) {
  if (last_url) URL.revokeObjectURL(last_url);
  last_url = URL.createObjectURL(new Blob([text], { type }));
  Object.assign(document.createElement('a'), { href: last_url, download: name }).click();
}

// `open(file_name, text)`: a file the user chose or dropped, within the bound; `save()` and
// `trace()`: { name, text } for the run on screen, or null (they say why themselves).
export function run_file_controls({ open, save, trace, notify }) {
  const read = async (file) => {
    if (!file) return;
    if (file.size > max_run_file_bytes) {
      notify(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB: a run file may be at most ${max_run_file_bytes / 1024 / 1024} MiB.`);
      return;
    }
    open(file.name, await file.text());
  };
  const picker = $('open-run-file');
  picker.addEventListener('change', () => {
    read(picker.files[0]);
    picker.value = '';
  });
  $('open-run').addEventListener('click', () => picker.click());
  $('save-run').addEventListener('click', () => {
    const file = save();
    if (file) download(file.name, file.text, 'application/x-ndjson');
  });
  $('export-trace').addEventListener('click', () => {
    const file = trace();
    if (file) download(file.name, file.text, 'application/json');
  });
  // A file dragged over the page may be dropped anywhere on it
  const carries_files = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  document.addEventListener('dragover', (event) => {
    if (!carries_files(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    document.documentElement.dataset.dropping = 'true';
  });
  document.addEventListener('dragleave', () => delete document.documentElement.dataset.dropping);
  document.addEventListener('drop', (event) => {
    if (!carries_files(event)) return;
    event.preventDefault();
    delete document.documentElement.dataset.dropping;
    read(event.dataTransfer.files[0]);
  });
}
