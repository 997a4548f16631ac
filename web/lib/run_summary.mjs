// A run's end and its error in words, as the panels show them.

import { format_seconds } from './format.mjs';

export function total_text(run) {
  if (!run) return '';
  if (!run.finished) return 'running…';
  if (run.finished.status === 'ok') return `total ${format_seconds(run.finished.elapsed)}`;
  if (run.finished.status === 'error') return `stopped by ${run.finished.error?.type ?? 'an error'} at ${format_seconds(run.finished.elapsed)}`;
  return `cancelled at ${format_seconds(run.finished.elapsed)}`;
}

// The error to show at a line of the code: a syntax error, or the exception that ended the run.
export function error_of(run) {
  if (!run) return null;
  if (run.syntax_error) return { line: run.syntax_error.line, text: run.syntax_error.message };
  const error = run.finished?.error;
  if (run.finished?.status === 'error' && error) return { line: error.line, text: `${error.type}: ${error.message}${error.line ? ` (line ${error.line})` : ''}` };
  return null;
}

// Whether a run's numbers depend on its random seed: its program imports random. Only then is the
// seed shown beside the clock and kept in the page's link (which replays it).
export function uses_random(run) {
  return /^\s*(import\s+random\b|from\s+random\s+import\b)/m.test(run?.source ?? '');
}

// The seed a run's random module started from: what its end reported (the server's run_finished, or
// the engine's last event in a file), else what the run was asked to start from (a link's seed, a
// file's header). A run's, not a step's: it holds at every step of the run.
export function run_seed(run) {
  const seed = run?.finished?.random_seed ?? run?.settings?.random_seed;
  return Number.isSafeInteger(seed) ? seed : null;
}

export function seed_text(run) {
  const seed = run_seed(run);
  return seed !== null && uses_random(run) ? ` · random seed ${seed}` : '';
}
