import { readFileSync } from 'node:fs';

/** The firecover version, from the CLI's package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
