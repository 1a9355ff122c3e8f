import { describe, expect, it } from 'vitest';
import { staleTargets } from '../scripts/build.mjs';

// test/global_setup.ts rebuilds packages/core/dist and packages/cli/dist when their inputs changed; the
// tests that spawn `firecover` or pack core rely on it. If that set-up is lost, or a build leaves the
// wrong hash behind, this fails instead of letting those tests run old JavaScript.
describe('the builds the tests run', () => {
  it('are built from the current sources', () => {
    expect(staleTargets()).toEqual([]);
  });
});
