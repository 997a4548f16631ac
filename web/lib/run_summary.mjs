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
