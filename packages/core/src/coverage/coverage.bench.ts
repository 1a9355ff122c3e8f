import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { LAUF_PBF, haveSharedData } from '../../../../test/shared_data';
import { readOsm } from '../io/osm_import';
import { loadScenario } from '../scenario/load_scenario';
import type { LoadedScenario, Station } from '../scenario/scenario_types';
import { stationsInService } from '../scenario/stations';
import { analyzeScenario } from '../pipeline/analyze_scenario';
import { addStation, analyzeCoverage, type CoverageAnalysis } from './analysis';
import { coverageLayers } from './layers';
import { testScenario, testStation } from './testing';

// Each figure is printed beside its target (pnpm bench); medians over the measured runs.
const SAMPLE_DIR = new URL('../../../../data/sample-city/', import.meta.url);
const WARMUP = 2;
const RUNS = 10;

function median(xs: number[]): number {
  const s = xs.slice(WARMUP).sort((a, b) => a - b);
  return s[s.length >> 1];
}

function fastest(xs: number[]): number {
  return Math.min(...xs.slice(WARMUP));
}

/** Median against the target; the fastest run beside it shows the cost on a quiet machine (benchmarks share the cores). */
function line(label: string, xs: number[], target: number): string {
  const ms = median(xs);
  return `${label}: median ${ms.toFixed(1)} ms, fastest ${fastest(xs).toFixed(1)} ms (target ≤ ${target} ms): ${ms <= target ? 'OK' : 'OVER'}`;
}

async function loadSample(): Promise<LoadedScenario> {
  const json = JSON.parse(readFileSync(new URL('scenario.json', SAMPLE_DIR), 'utf8')) as unknown;
  return loadScenario(json, 'data/sample-city/scenario.json', async (rel) => new Uint8Array(readFileSync(new URL(rel, SAMPLE_DIR))));
}

describe('coverage on the sample city', async () => {
  const scenario = await loadSample();
  const cold: number[] = [];
  bench(
    'all stations, all analyses, cold (analyzeScenario: grid, districts, figures, gaps, water, plan comparison, layers, summaries)',
    () => {
      const t = performance.now();
      const fresh: LoadedScenario = { ...scenario }; // a new object: nothing cached from the previous run
      const r = analyzeScenario(fresh, { stations: 'all' }); // as `firecover analyze --stations all` does
      r.layers();
      cold.push(performance.now() - t);
      if (cold.length === RUNS) console.log(line('sample city, all analyses cold (analyzeScenario)', cold, 1000));
    },
    { iterations: RUNS - WARMUP, warmupIterations: WARMUP, time: 0, warmupTime: 0 },
  );

  let base: CoverageAnalysis | undefined;
  const add: number[] = [];
  const addLayers: number[] = [];
  // a candidate in the under-served west of town (not one of the scenario's stations)
  const candidate: Station = testStation('candidate', 104.58, 30.09, { status: 'candidate' });
  bench(
    'add one candidate station (incremental)',
    () => {
      base ??= analyzeCoverage(scenario, stationsInService(scenario));
      let t = performance.now();
      const a = addStation(base, candidate);
      add.push(performance.now() - t);
      t = performance.now();
      coverageLayers(a, ['districts', 'service_areas']);
      addLayers.push(performance.now() - t);
      if (add.length === RUNS) {
        console.log(line('sample city, addStation', add, 100));
        console.log(`sample city, redraw districts + service areas after it: median ${median(addLayers).toFixed(1)} ms (no target; the viewer may redraw lazily)`);
      }
    },
    { iterations: RUNS - WARMUP, warmupIterations: WARMUP, time: 0, warmupTime: 0 },
  );
});

describe.runIf(haveSharedData(LAUF_PBF))('coverage on Lauf an der Pegnitz (OSM)', () => {
  const osm = readOsm(new Uint8Array(readFileSync(LAUF_PBF)), LAUF_PBF);
  const stations = osm.features.stations.features.map((f) => testStation(f.properties.id, f.geometry.coordinates[0], f.geometry.coordinates[1]));
  const scenario = testScenario(osm.network, stations, { features: osm.features });
  const times: number[] = [];
  bench(
    'districts + service areas, cold',
    () => {
      const t = performance.now();
      const a = analyzeCoverage({ ...scenario });
      coverageLayers(a, ['districts', 'service_areas']);
      times.push(performance.now() - t);
      if (times.length === RUNS) console.log(line('Lauf districts + service areas (with polygons), cold', times, 300));
    },
    { iterations: RUNS - WARMUP, warmupIterations: WARMUP, time: 0, warmupTime: 0 },
  );
});
