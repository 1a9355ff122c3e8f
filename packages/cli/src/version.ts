import { existsSync, readFileSync } from 'node:fs';

/**
 * The firecover version, from the CLI's package.json: the nearest one above this module, which runs from
 * `src/` under tests, from `dist/` or from a bundled chunk in `dist/chunks/` once built.
 */
export function version(): string {
  for (const rel of ['../package.json', '../../package.json', '../../../package.json']) {
    const url = new URL(rel, import.meta.url);
    if (!existsSync(url)) continue;
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version: string };
    if (pkg.name === '@firecover/cli') return pkg.version;
  }
  throw new Error('firecover: package.json of @firecover/cli not found beside the program');
}
