import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in `test/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared/data` beside the repository: real OSM extracts that are never copied into the repo. */
export const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data');

export const LAUF_PBF = resolve(SHARED_DATA, 'lauf-pegnitz', 'lauf-200115.osm.pbf');
export const RHEIN_NECKAR_PBF = resolve(SHARED_DATA, 'rhein-neckar', 'rnv.osm.pbf');
export const SPOPT_SF_DIR = resolve(SHARED_DATA, 'spopt-sf');

/**
 * Whether a real-data file is present. When it is absent, say so; under CI=true that is a failure
 * (CI always has ../shared beside the clone), elsewhere the caller skips its tests.
 */
export function haveSharedData(path: string): boolean {
  if (existsSync(path)) return true;
  const msg = `real data not found: ${path} (expected ../shared/data beside the repository)`;
  if (process.env.CI === 'true') throw new Error(`${msg}; CI must have it`);
  console.warn(`${msg}; skipping the tests that need it`);
  return false;
}
