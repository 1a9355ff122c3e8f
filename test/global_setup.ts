import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from './shared_data';

/**
 * Before any test: rebuild packages/core/dist and packages/cli/dist when their sources changed since the
 * last build (scripts/build.mjs --if-stale compares a hash of the inputs), so the tests that spawn
 * `firecover` or pack @firecover/core never run stale JavaScript. A fresh build costs well under a second.
 */
export default function setup(): void {
  execFileSync(process.execPath, [resolve(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
