// Bundles the explorer's front end (src/main/web) into the directory given as the first argument, for the jar.
// Runs 'npm ci' only when node_modules is missing or older than package-lock.json, and bundles only when a
// source is newer than the bundle, so an up-to-date build costs one Node start.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '..', 'src', 'main', 'web');
const out = process.argv[2];
if (!out) {
  console.error('usage: node web/build.mjs OUTPUT_DIR');
  process.exit(2);
}
const STATIC = ['index.html', 'style.css', 'favicon.svg'];
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);

const newestSource = Math.max(mtime(join(here, 'build.mjs')), mtime(join(here, 'package-lock.json')),
  ...readdirSync(src).map((f) => mtime(join(src, f))));
const outputs = ['app.js', ...STATIC].map((f) => join(out, f));
if (outputs.every((f) => existsSync(f) && mtime(f) >= newestSource)) {
  process.exit(0); // up to date
}

const stamp = join(here, 'node_modules', '.package-lock.json');
if (mtime(stamp) < mtime(join(here, 'package-lock.json'))) {
  console.error('nngeom serve: npm ci (front-end build tools, exact pins from web/package-lock.json)');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: here, stdio: ['ignore', 2, 2] });
}
const esbuild = await import('esbuild');
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(src, 'app.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: join(out, 'app.js'),
  legalComments: 'none',
  logLevel: 'error',
});
for (const f of STATIC) {
  copyFileSync(join(src, f), join(out, f));
}
