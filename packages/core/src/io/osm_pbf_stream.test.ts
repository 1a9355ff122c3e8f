import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAUF_PBF, RHEIN_NECKAR_PBF, haveSharedData } from '../../../../test/shared_data';
import { InputError } from '../input_error';
import type { RoadNetwork } from '../network/road_network';
import { chunksOfBuffer } from './byte_chunks';
import { readOsm, readOsmStream } from './osm_import';

/** Every column of two networks compared. */
function expectSameNetwork(a: RoadNetwork, b: RoadNetwork): void {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k of Object.keys(ra)) {
    const x = ra[k];
    if (typeof x === 'function') continue;
    if (ArrayBuffer.isView(x)) {
      // byte for byte (fast on 100 k-element columns; NaN "no value" bits are the same from one code path)
      const y = rb[k] as ArrayBufferView;
      expect(Buffer.from(y.buffer, y.byteOffset, y.byteLength).equals(Buffer.from(x.buffer, x.byteOffset, x.byteLength)), k).toBe(true);
    }
    else expect(rb[k], k).toEqual(x);
  }
}

const sum = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

for (const [name, path] of [
  ['lauf-200115.osm.pbf', LAUF_PBF],
  ['rnv.osm.pbf', RHEIN_NECKAR_PBF],
] as const) {
  describe.runIf(haveSharedData(path))(`OSM PBF read block by block (${name})`, () => {
    const bytes = new Uint8Array(readFileSync(path));
    const whole = readOsm(bytes, name);

    it('gives the same network, features and report as the whole-buffer reader: cached, and with every node block read again', async () => {
      let opened = 0;
      // 64 KiB + 1 byte chunks: blobs straddle chunk boundaries everywhere
      const open = () => {
        opened++;
        return chunksOfBuffer(bytes, 65537);
      };
      for (const cacheLimitBytes of [undefined, 0]) {
        opened = 0;
        const progress: number[] = [];
        const streamed = await readOsmStream(open, name, {}, { size: bytes.length, cacheLimitBytes, onProgress: (done, total) => progress.push(done / total) });
        expect(streamed.report).toEqual(whole.report);
        expect(streamed.network.nodeCount).toBe(whole.network.nodeCount);
        expect(streamed.network.linkCount).toBe(whole.network.linkCount);
        expect(sum(streamed.network.linkLengthM)).toBe(sum(whole.network.linkLengthM));
        expectSameNetwork(whole.network, streamed.network);
        expect(streamed.features).toEqual(whole.features);
        // one reading when every node block fits the cache; a second one for the node blocks otherwise
        expect(opened).toBe(cacheLimitBytes === 0 ? 2 : 1);
        expect(progress.at(-1)).toBe(1);
        for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
      }
    });

    it('a file cut short is the same InputError as from the whole-buffer reader', async () => {
      for (const end of [3, 10, 200, bytes.length >> 1, bytes.length - 1]) {
        const cut = bytes.subarray(0, end);
        let want: InputError | undefined;
        try {
          readOsm(cut, name);
        } catch (e) {
          want = e as InputError;
        }
        expect(want).toBeInstanceOf(InputError);
        const got = await readOsmStream(() => chunksOfBuffer(cut, 4096), name, {}, { size: cut.length }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(got).toBeInstanceOf(InputError);
        expect((got as InputError).message).toBe(want!.message);
      }
    });
  });
}
