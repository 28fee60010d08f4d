// Installs what tests need from Debian when it is missing and we may (root); otherwise says why not.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

let updated = false;

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Makes sure `path` exists, installing Debian `packages` if needed.
 * Returns null when it is there, or the reason it is not.
 */
export function ensureDebian(path, packages) {
  if (existsSync(path)) return null;
  if (!isRoot()) return `${path} is missing and installing ${packages.join(' ')} needs root (apt-get)`;
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (!updated) {
      console.log('[linia] apt-get update');
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      updated = true;
    }
    console.log(`[linia] apt-get install ${packages.join(' ')}`);
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  } catch (err) {
    return `apt-get install ${packages.join(' ')} failed: ${err.message}`;
  }
  return existsSync(path) ? null : `${packages.join(' ')} installed but ${path} is still missing`;
}
