import { describe, expect, it } from 'vitest';
import { InputError } from '../input_error';
import type { RoadNetwork } from '../network/road_network';
import { multiSourceSearch } from '../search/multi_source_search';
import { pgrSampleNetwork, prng, randomGrid } from '../search/test_networks';
import { thrownInputError } from '../testing';
import { arraysChecksum, isNetworkFile, readNetworkFile, writeNetworkFile } from './network_file';
import { emptyMapFeatures } from './map_features';

function expectSameNetwork(a: RoadNetwork, b: RoadNetwork): void {
  // Every field of the network, so a field added to RoadNetwork but not to the file format fails here.
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const k of Object.keys(a) as (keyof RoadNetwork)[]) expect(b[k], k).toEqual(a[k]);
}

describe('arrays checksum', () => {
  it('is FNV-1a over words: the offset basis for no words, one hand-computed step for one word', () => {
    expect(arraysChecksum(new Uint8Array(0))).toBe(0x811c9dc5);
    // (0x811c9dc5 ^ 1) × 16777619 mod 2³², worked exactly in BigInt.
    const oneStep = Number(((0x811c9dc5n ^ 1n) * 16777619n) % 2n ** 32n);
    expect(arraysChecksum(new Uint8Array([1, 0, 0, 0]))).toBe(oneStep);
  });

  it('property: flipping any one bit changes the checksum', () => {
    const rnd = prng(9);
    const data = new Uint8Array(256).map(() => Math.floor(rnd() * 256));
    const base = arraysChecksum(data);
    for (let bit = 0; bit < data.length * 8; bit++) {
      const d = data.slice();
      d[bit >> 3] ^= 1 << (bit & 7);
      expect(arraysChecksum(d)).not.toBe(base);
    }
  });
});

describe('network file', () => {
  it('round-trips every array, the names, the features and the source record', () => {
    const net = randomGrid(7, { cols: 12, rows: 9, oneWayShare: 0.2, dropShare: 0.05, bentShare: 0.3 });
    const features = emptyMapFeatures();
    features.hydrants.features.push({ type: 'Feature', properties: { id: 'h1', status: 'working' }, geometry: { type: 'Point', coordinates: [8.001, 49.002] } });
    const bytes = writeNetworkFile({ network: net, features, source: { name: 'city.osm.pbf', bytes: 1234, checksum: 'sha256:ab', format: 'osm-pbf' }, writtenBy: 'firecover 0.1.0' });
    expect(isNetworkFile(bytes)).toBe(true);
    const back = readNetworkFile(bytes, 'city.fcnet');
    expectSameNetwork(net, back.network);
    expect(back.features).toEqual(features);
    expect(back.source).toEqual({ name: 'city.osm.pbf', bytes: 1234, checksum: 'sha256:ab', format: 'osm-pbf' });
    expect(back.writtenBy).toBe('firecover 0.1.0');
  });

  it('reads without copying: the arrays are views on the buffer it was given', () => {
    const bytes = writeNetworkFile({ network: pgrSampleNetwork() });
    const back = readNetworkFile(bytes, 'x.fcnet');
    expect(back.network.arcHead.buffer).toBe(bytes.buffer);
    expect(back.network.nodeLon.buffer).toBe(bytes.buffer);
  });

  it('reads a buffer at an odd offset (one aligned copy) with the same result', () => {
    const net = pgrSampleNetwork();
    const bytes = writeNetworkFile({ network: net });
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expectSameNetwork(net, readNetworkFile(shifted.subarray(3), 'x.fcnet').network);
  });

  it('searches on the loaded network give pgRouting’s published costs (pgr_drivingDistance from vertex 11, directed)', () => {
    // pgRouting docs (shared/notes/oracles.md §1), pgr_drivingDistance(11, 3.0, directed): 13 vertices —
    // 11 at 0; 7, 12, 16 at 1; 3, 6, 8, 15, 17 at 2; 1, 5, 9, 10 at 3.
    const back = readNetworkFile(writeNetworkFile({ network: pgrSampleNetwork() }), 'x.fcnet').network;
    const r = multiSourceSearch(back, [{ node: 10, startCost: 0 }], { budget: 3 });
    const reached: Record<number, number> = {};
    r.cost.forEach((c, i) => {
      if (c <= 3) reached[i + 1] = c;
    });
    expect(reached).toEqual({ 11: 0, 7: 1, 12: 1, 16: 1, 3: 2, 6: 2, 8: 2, 15: 2, 17: 2, 1: 3, 5: 3, 9: 3, 10: 3 });
  });

  it('refuses a file that is not a network file, a newer version, a truncated or a damaged one, naming the file', () => {
    const bytes = writeNetworkFile({ network: pgrSampleNetwork() });
    expect(thrownInputError(() => readNetworkFile(new TextEncoder().encode('id,source,target\n'), 'edges.csv')).message).toMatch(/edges\.csv.*not a firecover network file/);
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(8, 99, true);
    expect(thrownInputError(() => readNetworkFile(newer, 'n.fcnet')).message).toMatch(/newer firecover.*version 99/);
    expect(thrownInputError(() => readNetworkFile(bytes.subarray(0, bytes.length - 8), 't.fcnet')).message).toMatch(/truncated/);
    const flipped = bytes.slice();
    flipped[flipped.length - 20] ^= 0x10;
    expect(thrownInputError(() => readNetworkFile(flipped, 'f.fcnet')).message).toMatch(/checksum/);
  });

  it('refuses a network whose indices are out of range even when its checksum is right', () => {
    const net = pgrSampleNetwork();
    const arcHead = net.arcHead.slice();
    arcHead[3] = net.nodeCount + 5;
    const forged = writeNetworkFile({ network: { ...net, arcHead } });
    expect(thrownInputError(() => readNetworkFile(forged, 'forged.fcnet')).message).toMatch(/arcHead at index 3/);
  });

  it('property: truncations and bit flips give an InputError or the original network, never a crash', () => {
    const net = randomGrid(3, { cols: 6, rows: 5, oneWayShare: 0.3 });
    const bytes = writeNetworkFile({ network: net });
    const rnd = prng(42);
    for (let trial = 0; trial < 300; trial++) {
      const damaged = bytes.slice(0, trial % 3 === 0 ? Math.floor(rnd() * bytes.length) : bytes.length);
      if (trial % 3 !== 0) damaged[Math.floor(rnd() * damaged.length)] ^= 1 << Math.floor(rnd() * 8);
      try {
        const back = readNetworkFile(damaged, 'd.fcnet');
        // A flip inside padding or in a JSON space may leave the network intact; it must then be exactly the original.
        expectSameNetwork(net, back.network);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
      }
    }
  });
});
