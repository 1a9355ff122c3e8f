import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { LinkFlag, roadClassCode } from '../network/road_class';
import { loadScenario } from './load_scenario';
import { stationsInService } from './stations';

const dir = new URL('../../../../data/sample-city/', import.meta.url);

async function loadSample() {
  const json = JSON.parse(await readFile(new URL('scenario.json', dir), 'utf8')) as unknown;
  return loadScenario(json, 'data/sample-city/scenario.json', async (rel) => new Uint8Array(await readFile(new URL(rel, dir))));
}

describe('the embedded sample city loads', () => {
  it('as one connected network with its bridges, underpass and one-way lanes', async () => {
    const s = await loadSample();
    const net = s.network;
    expect(net.linkCount).toBeGreaterThan(1500);
    let bridges = 0;
    let tunnels = 0;
    let oneway = 0;
    for (let l = 0; l < net.linkCount; l++) {
      const f = net.linkFlags[l];
      if (f & LinkFlag.BRIDGE) bridges++;
      if (f & LinkFlag.TUNNEL) tunnels++;
      if ((f & (LinkFlag.FORWARD | LinkFlag.BACKWARD)) !== (LinkFlag.FORWARD | LinkFlag.BACKWARD)) oneway++;
    }
    expect(bridges).toBe(4);
    expect(tunnels).toBe(1);
    expect(oneway).toBeGreaterThan(0);
    // Every node is reachable from node 0 along travellable arcs.
    const seen = new Uint8Array(net.nodeCount);
    const stack = [0];
    seen[0] = 1;
    let count = 1;
    while (stack.length) {
      const v = stack.pop()!;
      for (let a = net.arcOffset[v]; a < net.arcOffset[v + 1]; a++) {
        const h = net.arcHead[a];
        if (!seen[h] && Number.isFinite(net.arcCostS[a])) {
          seen[h] = 1;
          count++;
          stack.push(h);
        }
      }
    }
    expect(count).toBe(net.nodeCount);
    // The expressway is three links: split only at its two interchanges.
    const motorway = roadClassCode('motorway')!;
    expect([...net.linkClass].filter((c) => c === motorway)).toHaveLength(3);
  });

  it('with normalised stations and every layer', async () => {
    const s = await loadSample();
    expect(s.stations.map((x) => [x.id, x.class, x.status, x.year ?? null, x.turnoutS])).toEqual([
      ['chengzhong', 'class1', 'existing', null, 60],
      ['chengbei', 'class2', 'existing', null, 60],
      ['chengnan', 'class1', 'existing', null, 60],
      ['xincheng', 'class1', 'planned', 2026, 60],
      ['huxi', 'class1', 'planned', 2028, 60],
      ['liushu', 'township1', 'existing', null, 60],
    ]);
    expect(stationsInService(s).map((x) => x.id)).toEqual(['chengzhong', 'chengbei', 'chengnan', 'liushu']);
    expect(stationsInService(s, 2026).map((x) => x.id)).toContain('xincheng');
    expect(stationsInService(s, 2026).map((x) => x.id)).not.toContain('huxi');
    expect(stationsInService(s, 2028)).toHaveLength(6);
    expect(s.features.hydrants.features.length).toBeGreaterThan(1500);
    expect(s.features.waterSources.features.some((f) => f.properties.kind === 'fire_water_pond')).toBe(true);
    expect(s.features.barriers.features.map((f) => f.properties.kind)).toEqual(['expressway', 'railway', 'river']);
    expect(s.demand!.features.length).toBeGreaterThan(900);
    expect(s.studyArea!.features[0].geometry.type).toBe('Polygon');
    expect(s.file.description).toMatch(/not a real place/);
  });
});
