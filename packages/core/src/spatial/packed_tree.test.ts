import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { packedTree } from './packed_tree';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('packedTree reads a flatbush index through its serialised format', () => {
  for (const count of [1, 7, 16, 17, 300, 20_000]) {
    it(`${count} items: every leaf is one added box, the root box encloses them all`, () => {
      const rnd = lcg(count);
      const added: number[][] = [];
      const fb = new Flatbush(count);
      for (let i = 0; i < count; i++) {
        const x = rnd() * 1000;
        const y = rnd() * 1000;
        const box = [x, y, x + rnd() * 10, y + rnd() * 10];
        added.push(box);
        fb.add(box[0], box[1], box[2], box[3]);
      }
      fb.finish();
      const t = packedTree(fb);
      expect(t.numItems).toBe(count);
      expect(t.nodeSize).toBe(16);
      // leaf level: a permutation of the items, each with the box it was added with
      const seen = new Set<number>();
      for (let pos = 0; pos < count * 4; pos += 4) {
        const item = t.indices[pos >> 2];
        seen.add(item);
        expect([t.boxes[pos], t.boxes[pos + 1], t.boxes[pos + 2], t.boxes[pos + 3]]).toEqual(added[item]);
      }
      expect(seen.size).toBe(count);
      const r = t.boxes.length - 4;
      expect([t.boxes[r], t.boxes[r + 1], t.boxes[r + 2], t.boxes[r + 3]]).toEqual([fb.minX, fb.minY, fb.maxX, fb.maxY]);
      expect(t.levelBounds[t.levelBounds.length - 1]).toBe(t.boxes.length);
    });
  }

  it('refuses a layout it does not know (Float32 boxes)', () => {
    const fb = new Flatbush(3, 16, Float32Array);
    for (let i = 0; i < 3; i++) fb.add(i, i, i + 1, i + 1);
    fb.finish();
    expect(() => packedTree(fb)).toThrow(/not the v3 Float64 layout/);
  });
});
