// Builds web/vendor/codemirror.js from the npm packages pinned in package-lock.json.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('./editor_bundle.mjs', import.meta.url).pathname],
  outfile: new URL('./vendor/codemirror.js', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  target: 'es2020',
  legalComments: 'linked',
  logLevel: 'warning',
});
