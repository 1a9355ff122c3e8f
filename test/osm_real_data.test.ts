import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOsm, type OsmImport } from '../packages/core/src/io/osm_import';
import { LinkFlag, roadClassCode } from '../packages/core/src/network/road_class';
import { LAUF_PBF, RHEIN_NECKAR_PBF, haveSharedData } from './shared_data';

// Expected figures from ../shared/data/*/SOURCE.md (counted with osmium by whoever prepared the data).
describe.runIf(haveSharedData(LAUF_PBF))('Lauf an der Pegnitz extract', () => {
  let lauf: OsmImport;
  const load = (): OsmImport => (lauf ??= readOsm(new Uint8Array(readFileSync(LAUF_PBF)), LAUF_PBF));

  it('479 hydrants: 327 underground, 152 pillar', () => {
    const h = load().features.hydrants.features;
    expect(h.length).toBe(479);
    expect(h.filter((f) => f.properties.type === 'underground').length).toBe(327);
    expect(h.filter((f) => f.properties.type === 'pillar').length).toBe(152);
    // fire_hydrant:diameter on 441 of them, one of which reads "fixme" (not a size); fire_hydrant:position on 469
    expect(h.filter((f) => f.properties.diameterMm !== undefined).length).toBe(440);
    expect(h.filter((f) => f.properties.position !== undefined).length).toBe(469);
  });

  it('4 fire_station objects at 3 sites: 3 stations, one duplicate merged', () => {
    const r = load().report;
    expect(r.stations).toBe(3);
    expect(r.stationDuplicatesMerged.length).toBe(1);
    expect(r.stationDuplicatesMerged[0].osmIds.length).toBe(2);
    const all = load().features.stations.features.flatMap((f) => f.properties.osmIds ?? []);
    expect(all.length).toBe(4);
    expect(all.filter((id) => id.startsWith('node/')).length).toBe(2);
    expect(all.filter((id) => id.startsWith('way/')).length).toBe(2);
  });

  it('a routable network with the A9, one-way links and roundabouts', () => {
    const { network: net, report } = load();
    console.log('Lauf import report:', JSON.stringify(report));
    const motorway = roadClassCode('motorway')!;
    expect(Array.from(net.linkClass).filter((c) => c === motorway).length).toBeGreaterThan(0);
    expect(report.oneWayLinks).toBeGreaterThan(0);
    expect(Array.from(net.linkFlags).some((f) => (f & LinkFlag.ROUNDABOUT) !== 0)).toBe(true);
    // The extract cuts roads at its border: some drivable ways lose nodes.
    expect(report.waysMissingNodes).toBeGreaterThan(0);
    for (let l = 0; l < net.linkCount; l++) {
      if (!(net.linkLengthM[l] > 0)) throw new Error(`link ${l} has length ${net.linkLengthM[l]}`);
    }
    // every node inside the bbox of SOURCE.md, widened by 2 km for ways cut at the border
    for (let n = 0; n < net.nodeCount; n++) {
      expect(net.nodeLon[n] > 11.22 && net.nodeLon[n] < 11.34 && net.nodeLat[n] > 49.48 && net.nodeLat[n] < 49.55).toBe(true);
    }
    // water: river Pegnitz (riverbank + lines) and ponds
    expect(load().features.barriers.features.some((f) => f.properties.kind === 'river')).toBe(true);
    expect(load().features.barriers.features.some((f) => f.properties.kind === 'expressway')).toBe(true);
    expect(report.waterFeatures).toBeGreaterThanOrEqual(28);
  });
});

describe.runIf(haveSharedData(RHEIN_NECKAR_PBF))('Rhein-Neckar extract', () => {
  it('imports the roads-only file (about 164,600 nodes in highway ways)', () => {
    const { network: net, report } = readOsm(new Uint8Array(readFileSync(RHEIN_NECKAR_PBF)), RHEIN_NECKAR_PBF);
    console.log('Rhein-Neckar import report:', JSON.stringify(report));
    // Graph nodes are junctions and ends only, far fewer than the 164,600 OSM nodes; shape points are in the geometry.
    expect(net.nodeCount).toBeGreaterThan(10_000);
    expect(net.nodeCount).toBeLessThan(164_600);
    expect(net.geomLon.length).toBeGreaterThan(net.nodeCount);
    expect(report.stations).toBe(0);
    expect(report.hydrants).toBe(119);
    expect(report.oneWayLinks).toBeGreaterThan(0);
    for (let n = 0; n < net.nodeCount; n++) {
      expect(net.nodeLon[n] > 8.1 && net.nodeLon[n] < 8.9 && net.nodeLat[n] > 49.3 && net.nodeLat[n] < 49.7).toBe(true);
    }
  });
});
