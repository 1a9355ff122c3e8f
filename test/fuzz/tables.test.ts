import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyStatusTable, readEdgeTable, readLayer } from '../../packages/core/src/index';
import { parseHydrants } from '../../packages/core/src/scenario/layers';
import { SAMPLE_EDGES, SAMPLE_NODES } from '../../packages/cli/test/run_cli';
import { checkNetwork, checkWgs84Features, cleanOutcome, cleanOutcomeAsync, fuzzParams, mutatedBytes, mutatedLines } from './fuzz_kit';

// Edge tables (pgRouting CSV, with and without a node table, with x1,y1,x2,y2) and point tables (CSV
// layers read by readLayer): damaged copies of valid tables either import into a valid network / valid
// WGS84 points, or are refused with an InputError naming the file.

const edges = new Uint8Array(readFileSync(SAMPLE_EDGES));
const nodes = new Uint8Array(readFileSync(SAMPLE_NODES));
const enc = new TextEncoder();
const edgesXy = enc.encode(
  'id,source,target,cost,reverse_cost,x1,y1,x2,y2,length_m,highway,name\n' +
    '1,1,2,10,10,116.30,39.90,116.31,39.90,850,primary,"Main ""A"" Rd"\n' +
    '2,2,3,12,-1,116.31,39.90,116.31,39.91,1110,residential,=cmd\n' +
    '3,3,1,-1,20,116.31,39.91,116.30,39.90,1400,,\n',
);
const statusCsv = enc.encode('编号,状态,检查日期\nH1,损坏,2026-05-01\nH2,完好,2026/5/2\nH1,完好,2026-04-01\nH9,低压,\n');
const hydrantsCsv = enc.encode('编号,经度,纬度,状态,管径\nH1,116.30,39.90,完好,150\nH2,116.301,39.901,损坏,100\nH3,,,完好,\n"H,4",116.302,"39.902",完好,"1,000"\n');

describe('fuzz: edge tables', () => {
  it('edges + nodes: a valid network or an InputError naming one of the two files', () => {
    const outcomes = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(fc.boolean(), mutatedLines(new TextDecoder().decode(edges)), mutatedBytes(nodes, 2), (damageNodes, e, n) => {
        const nodeBytes = damageNodes ? n : nodes;
        outcomes[cleanOutcome(() => readEdgeTable(e, 'edges.csv', { csv: nodeBytes, file: 'nodes.csv' }), ['edges.csv', 'nodes.csv'], checkNetwork)]++;
      }),
      fuzzParams('edge table + node table', 600),
    );
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('edges with x1,y1,x2,y2: a valid network or an InputError naming the file', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedBytes(edgesXy), mutatedLines(new TextDecoder().decode(edgesXy))), (e) => {
        cleanOutcome(() => readEdgeTable(e, 'edges_xy.csv'), 'edges_xy.csv', checkNetwork);
      }),
      fuzzParams('edge table with coordinates', 600),
    );
  });
});

describe('fuzz: CSV point tables', () => {
  it('a hydrant table: WGS84 points or an InputError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedBytes(hydrantsCsv), mutatedLines(new TextDecoder().decode(hydrantsCsv))), async (b) => {
        await cleanOutcomeAsync(
          async () => parseHydrants((await readLayer('h.csv', { layer: 'hydrants', displayName: 'h.csv', read: async () => b })).fc, 'h.csv'),
          'h.csv',
          checkWgs84Features,
        );
      }),
      fuzzParams('CSV point table', 600),
    );
  });
});

describe('fuzz: status update tables', () => {
  it('applied to a hydrant layer: valid hydrants or an InputError naming the table or the layer', async () => {
    const layer = (await readLayer('h.csv', { layer: 'hydrants', displayName: 'h.csv', read: async () => hydrantsCsv })).fc;
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedBytes(statusCsv), mutatedLines(new TextDecoder().decode(statusCsv))), async (b) => {
        await cleanOutcomeAsync(
          async () => parseHydrants((await applyStatusTable(layer, 'status.csv', { layer: 'hydrantStatus', displayName: 'status.csv', read: async () => b })).fc, 'h.csv'),
          ['status.csv', 'h.csv'],
          checkWgs84Features,
        );
      }),
      fuzzParams('status table', 400),
    );
  });
});
