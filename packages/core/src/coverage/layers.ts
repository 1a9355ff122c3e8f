import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  CoverageLayers,
  DistrictFeatureProperties,
  GapFeatureProperties,
  ReachedNetworkProperties,
  ServiceAreaBandProperties,
  StationFeatureProperties,
} from './layer_properties';
import { linkSlice } from '../network/link_geometry';
import { reachedPieces } from '../search/reached_pieces';
import { bandPolygons, contourCellList, polygonAreaKm2, round6 } from '../surface/contours';
import { cellAreaKm2 } from '../surface/land_grid';
import { combinedSearch, type CoverageAnalysis } from './analysis';
import { km2, metres, roundTo, sec } from './rounding';

/** The names of the map layers `coverageLayers` returns. */
export type CoverageLayerName = keyof CoverageLayers;

/**
 * Map layers of an analysis as GeoJSON (WGS84, coordinates rounded to 6 decimals, fixed feature order):
 * - `service_areas`: arrival bands of the whole set (kind "band"), each station's land within the standard
 *   (kind "station") and the union (kind "all");
 * - `districts`: one polygon per district with its checks;
 * - `gaps`: listed late and unreachable zones;
 * - `reached_network`: the road reached within the standard, cut exactly at the budget, by first station;
 * - `stations`: the stations with their road snap and district figures.
 * Only the layers asked for are built (contouring is the costly part).
 */
export function coverageLayers(a: CoverageAnalysis, which?: readonly CoverageLayerName[]): Partial<CoverageLayers> {
  const want = new Set<CoverageLayerName>(which ?? ['stations', 'service_areas', 'districts', 'gaps', 'reached_network']);
  const out: Partial<CoverageLayers> = {};
  if (want.has('service_areas')) out.service_areas = serviceAreaLayer(a);
  if (want.has('districts')) out.districts = districtLayer(a);
  if (want.has('gaps')) out.gaps = gapLayer(a);
  if (want.has('reached_network')) out.reached_network = reachedNetworkLayer(a);
  if (want.has('stations')) out.stations = stationLayer(a);
  return out;
}

function fc<G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

function feature<G extends Geometry, P>(geometry: G, properties: P): Feature<G, P> {
  return { type: 'Feature', properties, geometry };
}

/**
 * Only the arrival bands of `service_areas` (kind "band", the same features in the same order), without
 * each station's own area and the union: what a map redraws after a station moves (the per-station
 * contours are the costly part of `service_areas`).
 */
export function arrivalBandLayer(a: CoverageAnalysis): FeatureCollection<Polygon | MultiPolygon, ServiceAreaBandProperties> {
  const ctx = a.context;
  const { grid, land } = ctx;
  const R = a.responseS;
  const features: Feature<Polygon | MultiPolygon, ServiceAreaBandProperties>[] = [];
  const limits = [...ctx.scenario.analysis.bandsS].sort((x, y) => x - y);
  const landFirst = a.firstS.map((t, k) => (land[k] ? t : Infinity));
  for (const b of bandPolygons(grid, landFirst, [...limits, Infinity])) {
    const label = b.from === -Infinity ? `≤ ${b.upTo / 60} min` : b.upTo === Infinity ? `> ${b.from / 60} min` : `${b.from / 60}–${b.upTo / 60} min`;
    features.push(
      feature<Polygon | MultiPolygon, ServiceAreaBandProperties>(b.geometry, {
        kind: 'band',
        label,
        fromS: sec(b.from),
        upToS: sec(b.upTo),
        areaKm2: km2(b.areaKm2),
        polygonAreaKm2: km2(polygonAreaKm2(b.geometry)),
        withinStandard: b.upTo <= R,
      }),
    );
  }
  return fc(features);
}

function serviceAreaLayer(a: CoverageAnalysis): CoverageLayers['service_areas'] {
  const ctx = a.context;
  const { grid, land } = ctx;
  const R = a.responseS;
  const features: CoverageLayers['service_areas']['features'] = [...arrivalBandLayer(a).features];
  const unit = cellAreaKm2(grid);
  for (const s of a.stations) {
    const cells = Array.from(s.serviceCells).filter((k) => land[k] === 1);
    const geometry = contourCellList(grid, cells);
    features.push(
      feature(geometry, {
        kind: 'station',
        stationId: s.station.id,
        name: s.station.name,
        budgetS: R,
        turnoutS: s.station.turnoutS,
        areaKm2: km2(cells.length * unit),
        polygonAreaKm2: km2(polygonAreaKm2(geometry)),
        reachedRoadKm: roundTo(s.reachedRoadM / 1000, 3),
      }),
    );
  }
  const all: number[] = [];
  for (let k = 0; k < land.length; k++) if (land[k] && a.firstS[k] <= R) all.push(k);
  const union = contourCellList(grid, all);
  features.push(feature(union, { kind: 'all', budgetS: R, areaKm2: km2(all.length * unit), polygonAreaKm2: km2(polygonAreaKm2(union)), clause: ctx.preset.responseS.clause }));
  return fc(features);
}

function districtLayer(a: CoverageAnalysis): CoverageLayers['districts'] {
  const { grid, land, preset } = a.context;
  const cellsOf = new Map<number, number[]>();
  for (const d of a.districts) cellsOf.set(d.stationIndex, []);
  for (let k = 0; k < land.length; k++) {
    const s = a.districtStation[k];
    if (s >= 0 && land[k]) cellsOf.get(s)?.push(k);
  }
  return fc(
    a.districts.map((d) => {
      const st = a.stations[d.stationIndex].station;
      const geometry = contourCellList(grid, cellsOf.get(d.stationIndex) ?? []);
      return feature<typeof geometry, DistrictFeatureProperties>(geometry, {
        stationId: d.stationId,
        name: st.name,
        nameZh: st.nameZh ?? null,
        class: d.stationClass,
        urbanEdge: d.urbanEdge,
        areaKm2: km2(d.areaKm2),
        polygonAreaKm2: km2(polygonAreaKm2(geometry)),
        capKm2: d.capKm2,
        overCap: d.overCap,
        capClause: d.capClause,
        latestArrivalS: sec(d.latestArrivalS),
        responseS: a.responseS,
        edgeWithinStandard: d.edgeWithinStandard,
        lateAreaKm2: km2(d.lateAreaKm2),
        responseClause: preset.responseS.clause,
        barriersCrossed: d.crossings.map((c) => `${c.kind}:${c.name ?? c.id}`).join('; '),
        barriersCrossedZh: d.crossings.map((c) => `${c.kind}:${c.nameZh ?? c.name ?? c.id}`).join('; '),
        barrierClause: preset.districtBarriers.clause,
        stationOffsetM: metres(d.stationOffsetM),
        equivalentRadiusM: metres(d.equivalentRadiusM),
        marginalised: d.marginalised,
        marginalClause: preset.marginalStationRatio.clause,
        demand: roundTo(d.demand, 1),
      });
    }),
  );
}

function gapLayer(a: CoverageAnalysis): CoverageLayers['gaps'] {
  const { grid } = a.context;
  const zones = [...a.gaps.late, ...a.gaps.unreachable];
  return fc(
    zones.map((z, i) =>
      feature<ReturnType<typeof contourCellList>, GapFeatureProperties>(contourCellList(grid, z.cells), {
        rank: i < a.gaps.late.length ? i + 1 : i - a.gaps.late.length + 1,
        kind: z.kind,
        reason: z.reason,
        areaKm2: km2(z.areaKm2),
        demand: roundTo(z.demand, 1),
        minArrivalS: sec(z.minArrivalS),
        maxArrivalS: sec(z.maxArrivalS),
        nearestStationId: z.nearestStationId,
      }),
    ),
  );
}

function reachedNetworkLayer(a: CoverageAnalysis): CoverageLayers['reached_network'] {
  if (a.stations.length === 0) return fc([]);
  const net = a.context.net;
  const result = combinedSearch(a);
  return fc(
    reachedPieces(result).map((p) =>
      feature<LineString, ReachedNetworkProperties>({ type: 'LineString', coordinates: linkSlice(net, p.link, p.fromM, p.toM).map(([x, y]) => [round6(x), round6(y)]) }, {
        linkId: net.linkId[p.link],
        stationId: a.stations[p.source].station.id,
        fromS: sec(p.costFrom),
        toS: sec(p.costTo),
        lengthM: metres(p.toM - p.fromM),
      }),
    ),
  );
}

function stationLayer(a: CoverageAnalysis): CoverageLayers['stations'] {
  const byIndex = new Map(a.districts.map((d) => [d.stationIndex, d]));
  return fc(
    a.stations.map((s, i) => {
      const d = byIndex.get(i);
      const st = s.station;
      return feature<Point, StationFeatureProperties>(
        { type: 'Point', coordinates: [round6(st.lon), round6(st.lat)] },
        {
          id: st.id,
          name: st.name,
          nameZh: st.nameZh ?? null,
          class: st.class,
          status: st.status,
          year: st.year ?? null,
          turnoutS: st.turnoutS,
          snapDistanceM: metres(s.snap.distanceM),
          serviceAreaKm2: km2(s.serviceLandKm2),
          reachedRoadKm: roundTo(s.reachedRoadM / 1000, 3),
          districtAreaKm2: d ? km2(d.areaKm2) : null,
          capKm2: s.capKm2,
          marginalised: d ? d.marginalised : null,
          island: s.island,
        },
      );
    }),
  );
}
