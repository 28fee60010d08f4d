// Builds the web app (and the chat widget) when its output is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const web = join(root, 'packages/web');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** The chat widget (packages/widget → dist/widget.js, served at /widget.js), when missing or stale. */
function ensureWidgetBuilt() {
  const widget = join(root, 'packages/widget');
  const out = join(widget, 'dist/widget.js');
  const sources = ['src', 'vite.config.ts'].map((p) => join(widget, p)).filter(existsSync);
  if (existsSync(out) && statSync(out).mtimeMs >= Math.max(...sources.map(newest))) return;
  console.log('[linia] building the chat widget…');
  execFileSync('npm', ['run', 'build', '-w', '@linia/widget'], { cwd: root, stdio: 'inherit' });
}

export function ensureWebBuilt() {
  ensureWidgetBuilt();
  const index = join(web, 'dist/index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', '../engine/src'].map((p) => join(web, p)).filter(existsSync);
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newest))) return;
  console.log('[linia] building the web app…');
  execFileSync('npm', ['run', 'build', '-w', '@linia/web'], { cwd: root, stdio: 'inherit' });
}
