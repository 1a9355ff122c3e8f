import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNetworkFile, writeShapefile } from '../../packages/core/src/index';
import { lineNodes, pgrSampleNetwork, toOsmPbf, toOsmXml, type FixtureModel } from '../../packages/core/src/testing';
import { runCli, SAMPLE_EDGES, SAMPLE_NODES, tempDir } from '../../packages/cli/test/run_cli';
import { fuzzParams, mutatedBytes } from './fuzz_kit';

// The same damage through the command line, in-process (`main(argv, io)`): every run ends with exit 0,
// or exit 2 and one located message — "error: " and the file's path, no stack trace, no line of the
// file echoed, a few lines at most.

const tmp = tempDir('firecover-fuzz-cli-');
afterAll(() => tmp.cleanup());
const enc = new TextEncoder();

const model: FixtureModel = {
  nodes: [...lineNodes(1, 4, 30, 120), ...lineNodes(11, 3, 30.002, 120)],
  ways: [
    { id: 100, refs: [1, 2, 3, 4], tags: { highway: 'primary', name: 'Main' } },
    { id: 101, refs: [11, 12, 13], tags: { highway: 'residential', oneway: 'yes' } },
    { id: 102, refs: [2, 12], tags: { highway: 'service' } },
  ],
};
const roads = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { class: '主干路', name: 'A' }, geometry: { type: 'LineString', coordinates: [[104, 30], [104.001, 30], [104.002, 30]] } },
    { type: 'Feature', properties: { class: '支路' }, geometry: { type: 'LineString', coordinates: [[104.001, 30], [104.001, 30.001]] } },
  ],
});
const roadShp = writeShapefile(JSON.parse(roads), 'r', { date: new Date(Date.UTC(2026, 0, 1)) }).sets[0];

/** [name, flag, file name, valid bytes, extra arguments]: one input per importer. */
const INPUTS: [string, string, string, Uint8Array, string[]][] = [
  ['OSM PBF', '--osm', 'city.osm.pbf', toOsmPbf(model), []],
  ['OSM XML', '--osm', 'city.osm', enc.encode(toOsmXml(model)), []],
  ['network file', '--osm', 'city.fcnet', writeNetworkFile({ network: pgrSampleNetwork() }), []],
  ['GeoJSON roads', '--geojson', 'roads.geojson', enc.encode(roads), []],
  ['Shapefile roads (.shp damaged)', '--shapefile', 'roads.shp', roadShp.shp, []],
  ['edge table', '--edges', 'edges.csv', new Uint8Array(readFileSync(SAMPLE_EDGES)), ['--nodes', SAMPLE_NODES]],
  ['node table', '--nodes', 'nodes.csv', new Uint8Array(readFileSync(SAMPLE_NODES)), ['--edges', SAMPLE_EDGES]],
];

let n = 0;
/** The run's outcome checked: exit 0, or exit 2 with one located, bounded message that quotes no line of `bytes`. */
async function checkRun(flag: string, name: string, bytes: Uint8Array, extra: string[]): Promise<number> {
  const dir = join(tmp.dir, `case${n++}`);
  const path = `${dir}-${name}`;
  writeFileSync(path, bytes);
  if (name === 'roads.shp') writeFileSync(path.replace(/\.shp$/, '.dbf'), roadShp.dbf);
  const r = await runCli(['info', flag, path, ...extra]);
  expect([0, 2], r.stderr).toContain(r.code);
  if (r.code === 2) {
    expect(r.stderr.startsWith('error: '), r.stderr).toBe(true);
    expect(r.stderr).toContain(path);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr.length, r.stderr).toBeLessThan(1500);
    // No line of the file (of some length, not a word every message might hold) is echoed.
    for (const line of new TextDecoder().decode(bytes).split(/\r?\n/)) {
      const t = line.trim();
      if (t.length >= 16) expect(r.stderr, 'echoes a line of the input').not.toContain(t);
    }
  }
  return r.code;
}

describe('fuzz: damaged inputs through the CLI', () => {
  for (const [what, flag, name, bytes, extra] of INPUTS) {
    it(`info ${flag} with a damaged ${what}: exit 0 or 2 with a located message`, async () => {
      expect(await checkRun(flag, name, bytes, extra)).toBe(0);
      const codes = new Set<number>();
      await fc.assert(
        fc.asyncProperty(mutatedBytes(bytes), async (b) => {
          codes.add(await checkRun(flag, name, b, extra));
        }),
        fuzzParams(`CLI ${what}`, 25),
      );
      expect(codes.has(2)).toBe(true);
    });
  }
});

describe('a scenario layer pointing at a private file never prints it', () => {
  const SECRET = 'hunter2-SECRET-first-line';
  const secretLines = `${SECRET},${SECRET} root:x:0:0\n${SECRET} second line\n`;
  const privateFiles: [string, Uint8Array][] = [
    ['private.csv', enc.encode(secretLines)],
    ['private.tsv', enc.encode(secretLines.replace(/,/g, '\t'))],
    ['private.geojson', enc.encode(secretLines)],
    ['private.kml', enc.encode(secretLines)],
    ['private.xlsx', enc.encode(secretLines)],
    ['private.shp', enc.encode(secretLines.repeat(4))],
    ['private', enc.encode(secretLines)],
    ['private_gbk.csv', Uint8Array.from([...enc.encode(SECRET), 0xc4, 0xe3, 0x2c, 0xba, 0xc3, 0x0a, ...enc.encode(`${SECRET}\n`)])],
  ];
  const nodes = readFileSync(SAMPLE_NODES, 'utf8').trim().split('\n')[1].split(',');
  const station = { id: 's1', name: 'S1', lon: Number(nodes[1]), lat: Number(nodes[2]), status: 'existing' };

  for (const [name, bytes] of privateFiles) {
    for (const slot of ['hydrants', 'waterSources', 'studyArea', 'demand', 'stations', 'network.shapefile', 'network.edges'] as const) {
      it(`${slot}: ${name}`, async () => {
        const secretPath = join(tmp.dir, name);
        writeFileSync(secretPath, bytes);
        if (name.endsWith('.shp')) writeFileSync(secretPath.replace(/\.shp$/, '.dbf'), bytes);
        const network = slot === 'network.shapefile' ? { shapefile: secretPath } : slot === 'network.edges' ? { edges: secretPath, nodes: SAMPLE_NODES } : { edges: SAMPLE_EDGES, nodes: SAMPLE_NODES };
        const doc: Record<string, unknown> = { name: 'private', network, stations: slot === 'stations' ? secretPath : [station] };
        if (!slot.startsWith('network') && slot !== 'stations') doc[slot] = secretPath;
        const sc = join(tmp.dir, `sc_${slot}_${name}.json`);
        writeFileSync(sc, JSON.stringify(doc));
        const r = await runCli([slot === 'hydrants' || slot === 'waterSources' ? 'hydrants' : 'analyze', sc, '--out', join(tmp.dir, `out_${slot}_${name}`)]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(name);
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(r.stderr).not.toContain('hunter2');
        expect(r.stderr).not.toContain('root:x');
        expect(r.stdout).not.toContain('hunter2');
      });
    }
  }
});
