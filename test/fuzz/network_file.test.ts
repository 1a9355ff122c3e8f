import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNetworkFile, writeNetworkFile, type NetworkFileContents } from '../../packages/core/src/index';
import { pgrSampleNetwork } from '../../packages/core/src/testing';
import { emptyMapFeatures } from '../../packages/core/src/io/map_features';
import { checkNetwork, cleanOutcome, fuzzParams, mutatedBytes, mutationArb } from './fuzz_kit';

// A .fcnet (pgRouting's sample network, a hydrant, a source record) damaged anywhere — magic, version,
// header length, header JSON, padding, arrays — is refused with an InputError naming the file, or (a
// damage that changes nothing read, such as the name of the checksum member itself) reads back exactly
// what was written. Never a crash, never a silently different network.

const features = emptyMapFeatures();
features.hydrants.features.push({ type: 'Feature', properties: { id: 'h1', status: 'working' }, geometry: { type: 'Point', coordinates: [116.3, 39.9] } });
const contents: NetworkFileContents = { network: pgrSampleNetwork(), features, source: { name: 'city.osm.pbf', bytes: 1234, checksum: 'sha256:00ff', format: 'osm-pbf' }, writtenBy: 'firecover test' };
const file = writeNetworkFile(contents);
const plain = (x: NetworkFileContents): unknown => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));
const original = plain(readNetworkFile(file, 'city.fcnet'));

/** Each byte position is damaged alone at least once: a single-byte change is always caught or harmless. */
const singleByte = fc.tuple(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
  const b = file.slice();
  b[i] ^= x;
  return b;
});

describe('fuzz: network files (.fcnet)', () => {
  it('the starting file reads back what was written', () => {
    expect(original).toEqual(plain({ ...contents, network: readNetworkFile(writeNetworkFile(contents), 'x').network }));
  });

  it('any damage: an InputError naming the file, or exactly the original contents', () => {
    const outcomes = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(fc.oneof(singleByte, mutatedBytes(file), fc.array(mutationArb, { minLength: 1, maxLength: 2 }).map((ms) => ms.reduce((b, m) => m(b), file))), (b) => {
        outcomes[
          cleanOutcome(() => readNetworkFile(b, 'city.fcnet'), 'city.fcnet', (r) => {
            checkNetwork(r.network);
            expect(plain(r)).toEqual(original);
          })
        ]++;
      }),
      fuzzParams('network file', 1500),
    );
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('every byte of the header flipped in turn is caught (the header checksum), or leaves the contents as they were', () => {
    const headerLength = new DataView(file.buffer, file.byteOffset).getUint32(12, true);
    let caught = 0;
    for (let i = 0; i < 16 + headerLength; i++) {
      const b = file.slice();
      b[i] ^= 0x01;
      if (cleanOutcome(() => readNetworkFile(b, 'city.fcnet'), 'city.fcnet', (r) => expect(plain(r)).toEqual(original)) === 'refused') caught++;
    }
    // Harmless ones: the low bit of the checksum member's own name ("headerChecksum" → another key).
    expect(caught).toBeGreaterThanOrEqual(16 + headerLength - '"headerChecksum"'.length);
  });
});
