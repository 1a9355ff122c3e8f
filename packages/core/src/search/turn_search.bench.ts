import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { bench, describe } from 'vitest';
import { LAUF_PBF, RHEIN_NECKAR_PBF } from '../../../../test/shared_data';
import { readOsm } from '../io/osm_import';
import { withTurnModel, type TurnModel } from '../network/turn_restrictions';
import { stronglyConnectedComponents } from '../network/islands';
import { multiSourceSearch, SearchWorkspace, type SearchSource } from './multi_source_search';
import { prng } from './test_networks';

// Target (issue #13): the search with a city's real turn restrictions within 1.5× of the node search.
const RATIO_TARGET = 1.5;

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
};

for (const [label, file] of [
  ['Lauf (lauf-200115.osm.pbf)', LAUF_PBF],
  ['Rhein-Neckar (rnv.osm.pbf)', RHEIN_NECKAR_PBF],
] as const) {
  if (!existsSync(file)) {
    console.warn(`real data not found: ${file}; ${label} is not benchmarked`);
    continue;
  }
  describe(`turn restrictions on ${label}`, () => {
    const net = readOsm(new Uint8Array(readFileSync(file)), file).network;
    const restrictions = net.turnRestrictions?.count ?? 0;
    const comps = stronglyConnectedComponents(net);
    const main: number[] = [];
    for (let n = 0; n < net.nodeCount; n++) if (comps.componentOf[n] === comps.largest) main.push(n);
    const rnd = prng(7);
    const pick = (): number => main[Math.floor(rnd() * main.length)];
    const singles: SearchSource[][] = Array.from({ length: 25 }, () => [{ node: pick(), startCost: 0 }]);
    const stations: SearchSource[] = Array.from({ length: 10 }, () => ({ node: pick(), startCost: 60 }));
    const ws = new SearchWorkspace(net.nodeCount);
    const models: [string, TurnModel | null][] = [
      ['node search (no turn rules)', null],
      ['real restrictions', {}],
      ['restrictions + penalties (left 6 s, right 2 s, U 20 s)', { penalties: { leftS: 6, rightS: 2, uTurnS: 20 } }],
    ];
    const nets = models.map(([, m]) => (m ? withTurnModel(net, m) : net));
    const t: number[][][] = models.map(() => [[], [], []]);
    let k = 0;

    bench(
      `node search, restricted and penalised side by side — ${label}`,
      () => {
        const src = singles[k++ % singles.length];
        // interleaved, so that the machine's load falls on all of them alike
        nets.forEach((g, i) => {
          let s = performance.now();
          multiSourceSearch(g, src, { budget: 240, workspace: ws });
          t[i][0].push(performance.now() - s);
          s = performance.now();
          multiSourceSearch(g, src, { budget: 240, direction: 'reverse', workspace: ws });
          t[i][1].push(performance.now() - s);
          if (k % 4 === 0) {
            s = performance.now();
            multiSourceSearch(g, stations, { workspace: ws });
            t[i][2].push(performance.now() - s);
          }
        });
        if (k === 120) report();
      },
      { iterations: 120, warmupIterations: 0, time: 0, warmupTime: 0 },
    );

    const report = (): void => {
      console.log(`\n[turn bench] ${label}: ${net.nodeCount} nodes, ${net.linkCount} links, ${restrictions} turn restrictions; load average ${loadavg()[0].toFixed(1)}`);
      const base = t[0].map((xs) => median(xs.slice(10)));
      models.forEach(([name], i) => {
        const m = t[i].map((xs) => median(xs.slice(i === 0 ? 10 : 10)));
        const r = m.map((v, j) => v / base[j]);
        const tag = (j: number): string => (i === 0 ? '' : ` = ${r[j].toFixed(2)}×${i === 1 ? (r[j] <= RATIO_TARGET ? ' OK' : ' OVER') : ''}`);
        // the fastest run too: on the shared cores a run of a few ms is often preempted, which moves medians
        const best = t[i].map((xs) => Math.min(...xs.slice(10)));
        console.log(
          `  ${name}: one station 240 s ${m[0].toFixed(3)} ms${tag(0)}; reverse 240 s ${m[1].toFixed(3)} ms${tag(1)}; 10 stations, no budget ${m[2].toFixed(2)} ms${tag(2)}` +
            (i === 1 ? ` (target ≤ ${RATIO_TARGET}× the node search)` : i === 2 ? ' (no target)' : '') +
            `; fastest runs ${best.map((v, j) => `${v.toFixed(3)} ms${i === 0 ? '' : ` (${(v / Math.min(...t[0][j].slice(10))).toFixed(2)}×)`}`).join(', ')}`,
        );
      });
    };
  });
}
