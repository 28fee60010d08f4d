// `npm start`: build the web app if needed, then run `linia start` with any extra arguments.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt } from './lib/webBuild.mjs';

ensureWebBuilt();
const bin = fileURLToPath(new URL('../packages/server/bin/linia.js', import.meta.url));
const child = spawn(process.execPath, [bin, 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
