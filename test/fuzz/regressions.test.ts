import { describe, expect, it } from 'vitest';
import { readOsm } from '../../packages/core/src/index';
import { thrownInputError } from '../../packages/core/src/testing';
import { pbfOf } from '../../packages/core/src/io/fixtures/pbf_blocks';

// The smallest inputs the fuzz tests (test/fuzz/*.test.ts) found crashing an importer, each kept as a
// regression test: the import must refuse them with an InputError naming the file.

describe('fuzz regressions: OSM PBF', () => {
  it('a header block whose first field has wire type 3 (was: "Unimplemented type: 3" from pbf, a crash)', () => {
    const file = pbfOf([{ type: 'OSMHeader', block: Uint8Array.of(0x0b) }], 'raw');
    const e = thrownInputError(() => readOsm(file, 'h.osm.pbf'));
    expect(e.where.file).toBe('h.osm.pbf');
    expect(e.where.feature).toBe('blob 0 at byte 0');
    expect(e.detail).toMatch(/^malformed header block/);
  });

  it('a blob claiming 2 GiB uncompressed is refused before anything is allocated (the format caps blobs at 32 MiB)', () => {
    const file = pbfOf([{ type: 'OSMHeader', block: new Uint8Array(8) }], 'zlib', { rawSize: 2 ** 31 });
    const e = thrownInputError(() => readOsm(file, 'big.osm.pbf'));
    expect(e.detail).toContain('2147483648 bytes uncompressed');
  });

  it('a blob without raw_size that inflates past 32 MiB is refused (a zlib bomb: 33 MiB of zeros is ~33 kB compressed)', () => {
    const file = pbfOf([{ type: 'OSMHeader', block: new Uint8Array(33 * 1024 * 1024) }], 'zlib-no-size');
    expect(file.length).toBeLessThan(100_000);
    const e = thrownInputError(() => readOsm(file, 'bomb.osm.pbf'));
    expect(e.where.file).toBe('bomb.osm.pbf');
    expect(e.detail).toContain('32 MiB');
  });
});
