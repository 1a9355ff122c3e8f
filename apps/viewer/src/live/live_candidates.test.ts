import { describe, expect, it } from 'vitest';
import type { CandidateInput } from '../model';
import type { ResultMessage } from '../worker/protocol';
import { LiveCandidates, type LiveHost } from './live_candidates';

/** A worker stand-in: answers each list after a tick, refusing candidates west of 100°. */
function fakeHost() {
  const sent: CandidateInput[][] = [];
  const previews: number[] = [];
  const errors: string[] = [];
  const host: LiveHost = {
    async setCandidates(candidates) {
      sent.push(candidates);
      await new Promise((r) => setTimeout(r, 2));
      if (candidates.some((c) => c.lon < 100)) throw { message: 'station is more than 250 m from any drivable road' };
      return { kind: 'update', candidates, layers: {}, computeMs: 1, layersMs: 0 } as unknown as ResultMessage;
    },
    apply: async () => {},
    visible: () => ['districts', 'hydrants'],
    preview: (list) => previews.push(list.length),
    onError: (e) => errors.push(e.message),
  };
  return { host, sent, previews, errors };
}

describe('LiveCandidates', () => {
  it('adds with a class code or Chinese name, coalesces moves, and times each change', async () => {
    const { host, sent } = fakeHost();
    const live = new LiveCandidates(host);
    live.reset([{ id: 'C4', lon: 104, lat: 30, stationClass: 'class1' }]);
    const id = await live.add(104.1, 30.1, '二级');
    expect(id).toBe('C5');
    await expect(live.add(104.1, 30.1, 'nonsense')).rejects.toThrow('unknown station class');
    const moves = [1, 2, 3, 4].map((i) => live.move(id, 104.1 + i / 1000, 30.1));
    await Promise.all(moves);
    // the first move runs at once, the next three coalesce into the last
    expect(sent.slice(1).map((l) => l[1].lon)).toEqual([104.101, 104.104]);
    expect(live.lastUpdateMs).toBeGreaterThan(0);
    expect(live.samples.length).toBe(sent.length);
  });

  it('undoes a whole drag in one step, and each edit in turn', async () => {
    const { host } = fakeHost();
    const live = new LiveCandidates(host);
    live.reset([]);
    const id = await live.add(104.1, 30.1, 'class2');
    live.beginDrag();
    for (let i = 1; i <= 5; i++) await live.move(id, 104.1 + i / 1000, 30.1, true);
    await live.edit(id, { turnoutS: 90, name: 'East' });
    expect(live.list[0]).toMatchObject({ lon: 104.105, turnoutS: 90, name: 'East' });
    await live.undo();
    expect(live.list[0]).toMatchObject({ lon: 104.105 });
    expect(live.list[0].turnoutS).toBeUndefined();
    await live.undo();
    expect(live.list[0].lon).toBe(104.1);
    await live.undo();
    expect(live.list).toEqual([]);
    expect(live.canUndo).toBe(false);
  });

  it('a refused change leaves the list the figures show', async () => {
    const { host, errors } = fakeHost();
    const live = new LiveCandidates(host);
    live.reset([]);
    const id = await live.add(104.1, 30.1, 'class2');
    await expect(live.move(id, 90, 30)).rejects.toBeDefined();
    expect(errors).toEqual(['station is more than 250 m from any drivable road']);
    expect(live.list[0].lon).toBe(104.1);
    expect(live.shown).toEqual(live.list);
  });
});
