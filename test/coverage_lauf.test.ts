import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOsm } from '../packages/core/src/io/osm_import';
import { multiSourceSearch } from '../packages/core/src/search/multi_source_search';
import { analyzeCoverage, type CoverageAnalysis } from '../packages/core/src/coverage/analysis';
import { coverageLayers } from '../packages/core/src/coverage/layers';
import { testScenario, testStation } from '../packages/core/src/coverage/testing';
import { LAUF_PBF, haveSharedData } from './shared_data';

// Lauf an der Pegnitz (OSM 2020-01-15): 3 fire-station sites; the Wetzendorf station's village roads
// leave the extract across its southern edge, so it sits on a road island (SOURCE.md).
describe.runIf(haveSharedData(LAUF_PBF))('coverage of Lauf an der Pegnitz with its real stations', () => {
  let analysis: CoverageAnalysis | undefined;
  const load = (): CoverageAnalysis => {
    if (analysis) return analysis;
    const osm = readOsm(new Uint8Array(readFileSync(LAUF_PBF)), LAUF_PBF);
    const stations = osm.features.stations.features.map((f) => {
      const s = testStation(f.properties.id, f.geometry.coordinates[0], f.geometry.coordinates[1]);
      return { ...s, name: f.properties.name || f.properties.id };
    });
    analysis = analyzeCoverage(testScenario(osm.network, stations, { features: osm.features }));
    return analysis;
  };

  it('every station gets a plausible district, and the districts add up to the served land', () => {
    const a = load();
    console.log(
      'Lauf districts:',
      a.districts.map((d) => `${a.stations[d.stationIndex].station.name}: ${d.areaKm2.toFixed(2)} km², latest ${d.latestArrivalS?.toFixed(0)} s`).join('; '),
    );
    expect(a.stations.length).toBe(3);
    expect(a.districts.length).toBe(3);
    // the extract is 4.4 × 3.4 km (≈ 15 km²): each district well under that, the mainland ones at least 1 km²
    for (const d of a.districts) expect(d.areaKm2).toBeLessThan(15);
    const mainland = a.districts.filter((d) => !a.stations[d.stationIndex].island);
    expect(mainland.length).toBe(2);
    for (const d of mainland) expect(d.areaKm2).toBeGreaterThan(1);
    // districts partition the land some station reaches (exactly, cell by cell)
    const unit = (a.context.grid.cellSizeM * a.context.grid.cellSizeM) / 1e6;
    let served = 0;
    for (let k = 0; k < a.firstS.length; k++) if (a.context.land[k] && a.firstS[k] < Infinity) served++;
    const sum = a.districts.reduce((s, d) => s + d.areaKm2, 0);
    expect(sum).toBeCloseTo(served * unit, 6);
  });

  it('reports the Wetzendorf station as a road island whose land stays on its island', () => {
    const a = load();
    const islands = a.stations.filter((s) => s.island);
    expect(islands.length).toBe(1);
    const w = islands[0];
    console.log(`island station: ${w.station.name} (${w.station.id}), reaches ${(w.reachableNodeShare * 100).toFixed(1)} % of nodes`);
    expect(w.station.name.toLowerCase()).toContain('wetzendorf');
    // its land is served through roads of its own island only: roads it can reach with no time limit
    const net = a.context.net;
    const r = multiSourceSearch(net, [{ snap: w.snap, startCost: w.station.turnoutS }]);
    for (const k of w.serviceCells) {
      const l = a.context.grid.nearestLink[k];
      expect(r.cost[net.linkSource[l]] < Infinity || r.cost[net.linkTarget[l]] < Infinity).toBe(true);
    }
    expect(w.reachableNodeShare).toBeLessThan(0.05);
    expect(w.serviceLandKm2).toBeGreaterThan(0);
    expect(w.serviceLandKm2).toBeLessThan(2);
  });

  it('draws every layer', () => {
    const layers = coverageLayers(load());
    expect(layers.districts!.features.length).toBe(3);
    expect(layers.service_areas!.features.filter((f) => f.properties?.kind === 'station').length).toBe(3);
    expect(layers.reached_network!.features.length).toBeGreaterThan(100);
  });
});
