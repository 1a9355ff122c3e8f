import { describe, expect, it } from 'vitest';
import { LayerSender } from './layer_sender';

const dec = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as unknown;
const f = (id: string, v: number) => ({ type: 'Feature', id, properties: { v }, geometry: { type: 'Point', coordinates: [v, 0] } });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('LayerSender', () => {
  it('sends a layer whole first, then only the features that changed, and nothing when none did', () => {
    const s = new LayerSender();
    const t: Transferable[] = [];
    const first = s.packDiffs({ d: fc(f('a', 1), f('b', 2), f('c', 3)) }, t);
    expect(dec(first.layers.d)).toEqual(fc(f('a', 1), f('b', 2), f('c', 3)));
    expect(first.diffs).toEqual({});
    expect(t).toHaveLength(1);
    // b changed, c gone, e new
    const second = s.packDiffs({ d: fc(f('a', 1), f('b', 5), f('e', 9)) }, []);
    expect(second.layers).toEqual({});
    expect(second.diffs.d).toEqual({ remove: ['b', 'c'], add: [f('b', 5), f('e', 9)] });
    expect(s.packDiffs({ d: fc(f('a', 1), f('b', 5), f('e', 9)) }, [])).toEqual({ layers: {}, diffs: {} });
  });

  it('applying the diffs in turn gives the layer sent last', () => {
    const s = new LayerSender();
    let page = new Map<string, unknown>();
    const apply = (p: ReturnType<LayerSender['packDiffs']>) => {
      if (p.layers.d) page = new Map((dec(p.layers.d) as { features: { id: string }[] }).features.map((x) => [x.id, x]));
      if (p.diffs.d) {
        const d = p.diffs.d as { remove: string[]; add: { id: string }[] };
        for (const id of d.remove) page.delete(id);
        for (const x of d.add) page.set(x.id, x);
      }
    };
    let seed = 3;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let step = 0; step < 50; step++) {
      const layer = fc(...['a', 'b', 'c', 'd', 'e', 'f'].filter(() => rand() < 0.7).map((id) => f(id, Math.floor(rand() * 3))));
      apply(s.packDiffs({ d: layer }, []));
      expect([...page.values()].sort((x, y) => ((x as { id: string }).id < (y as { id: string }).id ? -1 : 1))).toEqual(layer.features);
    }
  });

  it('sends layers without feature ids whole, and not again when unchanged', () => {
    const s = new LayerSender();
    const noId = fc({ type: 'Feature', properties: {}, geometry: null });
    expect(Object.keys(s.packDiffs({ r: noId }, []).layers)).toEqual(['r']);
    expect(s.packDiffs({ r: noId }, [])).toEqual({ layers: {}, diffs: {} });
    expect(Object.keys(s.pack({ r: fc() }, []))).toEqual(['r']);
    s.reset();
    expect(Object.keys(s.pack({ r: fc() }, []))).toEqual(['r']);
  });
});
