import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOsm } from '../../packages/core/src/index';
import { lineNodes, toOsmPbf, toOsmXml, type FixtureModel } from '../../packages/core/src/testing';
import { blocksOf, pbfOf } from '../../packages/core/src/io/fixtures/pbf_blocks';
import { checkNetwork, checkWgs84Features, cleanOutcome, fuzzParams, lossyText, mutatedBytes, mutatedLines } from './fuzz_kit';

// OSM PBF and OSM XML written in memory from one small model (roads, a one-way street, a hydrant, a
// fire station, a pond multipolygon), then damaged: the import returns a valid network and in-range
// map features, or throws an InputError naming the file.

const model: FixtureModel = {
  nodes: [
    ...lineNodes(1, 5, 30, 120),
    ...lineNodes(11, 4, 30.002, 120),
    { id: 21, lon: 120.0015, lat: 30.001, tags: { emergency: 'fire_hydrant', 'fire_hydrant:type': 'pillar' } },
    { id: 22, lon: 120.0025, lat: 30.0012, tags: { amenity: 'fire_station', name: '一中队' } },
    ...lineNodes(31, 4, 30.004, 120),
  ],
  ways: [
    { id: 100, refs: [1, 2, 3, 4, 5], tags: { highway: 'primary', name: '中山路', maxspeed: '60', lanes: '4' } },
    { id: 101, refs: [11, 12, 13, 14], tags: { highway: 'residential', oneway: 'yes' } },
    { id: 102, refs: [3, 12], tags: { highway: 'service' } },
    { id: 103, refs: [31, 32, 33, 34, 31], tags: {} },
  ],
  relations: [{ id: 500, members: [{ type: 'way', ref: 103, role: 'outer' }], tags: { type: 'multipolygon', natural: 'water' } }],
};
const pbf = toOsmPbf(model);
const xml = toOsmXml(model);

const blocks = blocksOf(pbf);

function check(r: ReturnType<typeof readOsm>): void {
  checkNetwork(r.network);
  checkWgs84Features(r.features.stations);
  checkWgs84Features(r.features.hydrants);
  checkWgs84Features(r.features.waterSources);
  checkWgs84Features(r.features.barriers);
}

describe('fuzz: OSM importers', () => {
  it('the fixtures import (the starting point is valid)', () => {
    expect(readOsm(pbf, 'f.osm.pbf').network.linkCount).toBeGreaterThan(0);
    expect(readOsm(xml, 'f.osm').network.linkCount).toBeGreaterThan(0);
  });

  it('damaged PBF: a valid import or an InputError naming the file', () => {
    const outcomes = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(mutatedBytes(pbf), (b) => {
        outcomes[cleanOutcome(() => readOsm(b, 'f.osm.pbf'), 'f.osm.pbf', check)]++;
      }),
      fuzzParams('OSM PBF', 1500),
    );
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('damaged PBF blocks (raw or re-compressed blobs): a valid import or an InputError naming the file', () => {
    fc.assert(
      fc.property(
        fc.nat(blocks.length - 1).chain((k) => fc.tuple(fc.constant(k), mutatedBytes(blocks[k].block))),
        fc.constantFrom('raw' as const, 'zlib' as const, 'zlib-no-size' as const),
        ([k, damaged], mode) => {
          const file = pbfOf(blocks.map((b, i) => (i === k ? { type: b.type, block: damaged } : b)), mode);
          cleanOutcome(() => readOsm(file, 'f.osm.pbf'), 'f.osm.pbf', check);
        },
      ),
      fuzzParams('OSM PBF blocks', 1500),
    );
  });

  it('damaged XML (bytes and lines): a valid import or an InputError naming the file', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedBytes(new TextEncoder().encode(xml)), mutatedLines(xml)), fc.boolean(), (b, asText) => {
        cleanOutcome(() => readOsm(asText ? lossyText(b) : b, 'f.osm'), 'f.osm', check);
      }),
      fuzzParams('OSM XML', 800),
    );
  });
});
