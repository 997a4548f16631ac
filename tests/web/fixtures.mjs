// Events of the catalog's programs as the server streams them (recorded with --clock virtual).
import { readFileSync } from 'node:fs';

export function load_events(name) {
  const text = readFileSync(new URL(`fixtures/${name}.jsonl`, import.meta.url), 'utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line));
}
