import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeScenario, loadScenario, multiSourceSearch } from '../packages/core/src/index';
import { SAMPLE_CITY_SCENARIO } from './sample_city_files';

const file = JSON.parse(readFileSync(SAMPLE_CITY_SCENARIO, 'utf8'));
const read = async (rel: string): Promise<Uint8Array> => new Uint8Array(readFileSync(join(dirname(SAMPLE_CITY_SCENARIO), rel)));

describe('turn rules on the sample city', () => {
  it('the sample city has no turn restrictions: a scenario asking for turn rules without penalties gives the same figures', async () => {
    const plain = await loadScenario(file, 'scenario.json', read);
    const turned = await loadScenario({ ...file, turns: {} }, 'scenario.json', read);
    expect(plain.network.turnModel).toBeUndefined();
    expect(turned.network.turnModel).toEqual({ restrictions: true, penalties: {} });
    // nothing to apply: the node search runs
    expect(multiSourceSearch(turned.network, [{ node: 0, startCost: 0 }]).turnStates).toBeUndefined();
    const a = analyzeScenario(plain, { water: false, compare: false });
    const b = analyzeScenario(turned, { water: false, compare: false });
    expect(b.summary.figures).toEqual(a.summary.figures);
  });

  it('left-turn and U-turn penalties can only lower the coverage', async () => {
    const plain = await loadScenario(file, 'scenario.json', read);
    const turned = await loadScenario({ ...file, turns: { leftS: 8, uTurnS: 30 } }, 'scenario.json', read);
    const a = analyzeScenario(plain, { water: false, compare: false }).coverage.figures;
    const b = analyzeScenario(turned, { water: false, compare: false }).coverage.figures;
    console.log(`sample city land within the standard: ${(a.landShare * 100).toFixed(2)} % plain, ${(b.landShare * 100).toFixed(2)} % with left 8 s / U-turn 30 s`);
    expect(b.landCoveredKm2).toBeLessThanOrEqual(a.landCoveredKm2);
    expect(b.roadReachedM).toBeLessThanOrEqual(a.roadReachedM + 1e-6);
    expect(b.landCoveredKm2).toBeLessThan(a.landCoveredKm2);
  });
});
