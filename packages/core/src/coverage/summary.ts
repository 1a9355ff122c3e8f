import { STATION_CLASS_LABELS } from '../standards/preset';
import type { CoverageAnalysis } from './analysis';
import type { SetComparison } from './compare';
import type { GapZone } from './gaps';
import { km2, metres, pct, roundTo, sec } from './rounding';

/** One headline figure with its unit and the clause it answers to. */
export interface FigureLine {
  key: string;
  en: string;
  zh: string;
  value: number | null;
  unit: string;
  clause: string;
  /** Pass/fail where the figure is a check, else null. */
  pass: boolean | null;
}

/** One district check (value against limit) with its clause. */
export interface CheckLine {
  value: number | string | boolean | null;
  limit: number | string | null;
  pass: boolean | null;
  clause: string;
}

/** One district in a summary: its station, area, arrival at the edge and checks. */
export interface DistrictSummary {
  stationId: string;
  name: string;
  nameZh: string | null;
  class: string;
  classLabel: { en: string; zh: string };
  areaKm2: CheckLine;
  latestArrivalS: CheckLine;
  lateAreaKm2: number | null;
  barriers: CheckLine & { crossed: { id: string; pieces: number; kind: string; name: string | null; nameZh: string | null; lengthM: number | null }[] };
  marginalised: CheckLine & { stationOffsetM: number | null; equivalentRadiusM: number | null };
  demand: number | null;
}

/** One gap zone in a summary: rank, kind, reason, area and demand. */
export interface GapSummary {
  rank: number;
  kind: string;
  reason: string;
  areaKm2: number | null;
  demand: number | null;
  minArrivalS: number | null;
  maxArrivalS: number | null;
  nearestStationId: string | null;
  centroid: [number, number];
}

/** Everything of an analysis worth printing or writing as JSON: rounded, ordered, with units and clauses. */
export interface CoverageSummary {
  standards: { preset: string; name: { en: string; zh: string }; responseS: number; responseClause: string };
  settings: { cellSizeM: number; accessDistanceM: number; bandsS: number[]; barrierCrossingMinM: number; minGapAreaKm2: number };
  accuracy: { landBasis: string; landKm2ByCells: number | null; studyAreaKm2ByPolygon: number | null };
  stations: {
    id: string;
    name: string;
    nameZh: string | null;
    class: string;
    status: string;
    year: number | null;
    turnoutS: number;
    snapDistanceM: number | null;
    serviceAreaKm2: number | null;
    reachedRoadKm: number | null;
    hasDistrict: boolean;
    reachableNodePct: number | null;
    island: boolean;
  }[];
  figures: FigureLine[];
  districts: DistrictSummary[];
  gaps: {
    lateAreaKm2: number | null;
    lateDemand: number | null;
    lateZoneCount: number;
    unreachableAreaKm2: number | null;
    unreachableDemand: number | null;
    unreachableZoneCount: number;
    late: GapSummary[];
    unreachable: GapSummary[];
  };
}

/** The figures, checks, districts and gaps of an analysis, rounded and bilingual (what `summary.json` holds). */
export function coverageSummary(a: CoverageAnalysis): CoverageSummary {
  const ctx = a.context;
  const { preset } = ctx;
  const f = a.figures;
  const R = a.responseS;
  const districtOf = new Set(a.districts.map((d) => d.stationIndex));
  const figures: FigureLine[] = [
    line('stations', 'stations in the set', '参与分析的消防站', f.stationCount, 'count', '—', null),
    line('landShare', `land reached within ${R} s`, `${R}秒内可达用地比例`, pct(f.landShare), '%', f.responseClause, null),
    line('landCoveredKm2', `land reached within ${R} s`, `${R}秒内可达用地面积`, km2(f.landCoveredKm2), 'km²', f.responseClause, null),
    line('landKm2', f.landBasis === 'study-area' ? 'study area (cells)' : 'land within access distance of a road', f.landBasis === 'study-area' ? '研究范围面积（栅格）' : '道路可达范围内用地面积', km2(f.landKm2), 'km²', '—', null),
    line('roadShare', `road length reached within ${R} s`, `${R}秒内可达道路长度比例`, pct(f.roadShare), '%', f.responseClause, null),
    line('roadReachedKm', `road reached within ${R} s`, `${R}秒内可达道路长度`, roundTo(f.roadReachedM / 1000, 3), 'km', f.responseClause, null),
    line('demandShare', `demand reached within ${R} s`, `${R}秒内可达需求比例`, pct(f.demandShare), '%', f.responseClause, null),
    line('arrivalP90S', `90th-percentile first arrival (${f.p90Basis}-weighted)`, `第90百分位首车到达时间（按${f.p90Basis === 'demand' ? '需求' : '用地'}加权）`, sec(f.arrivalP90S), 's', 'NFPA 1710 §4.1.2.1.2 (fractile)', f.arrivalP90S !== null ? f.arrivalP90S <= R : false),
    line('fractileArrivalS', `first arrival at the ${roundTo(f.fractile * 100, 1)} % fractile`, `${roundTo(f.fractile * 100, 1)}%分位首车到达时间`, sec(f.fractileArrivalS), 's', f.fractileClause, f.fractileMet),
    line('secondDueLandShare', `land reached by two stations within ${R} s`, `${R}秒内两站可达用地比例`, pct(f.secondDueLandShare), '%', f.responseClause, null),
    line('secondDueDemandShare', `demand reached by two stations within ${R} s`, `${R}秒内两站可达需求比例`, pct(f.secondDueDemandShare), '%', f.responseClause, null),
    line('lateAreaKm2', `land reached later than ${R} s`, `超过${R}秒到达的用地面积`, km2(f.lateAreaKm2), 'km²', f.responseClause, f.lateAreaKm2 === 0),
    line('unreachableAreaKm2', 'land no engine can reach by road', '消防车无法经道路到达的用地面积', km2(f.unreachableAreaKm2), 'km²', f.responseClause, f.unreachableAreaKm2 === 0),
    line('districtsOverCap', 'districts over their area cap', '辖区面积超限的消防站', f.districtsOverCap, 'count', preset.districtAreaByClassKm2.clause, f.districtsOverCap === 0),
    line('districtsLate', `districts whose edge is reached later than ${R} s`, `辖区边缘超过${R}秒到达的消防站`, f.districtsLate, 'count', f.responseClause, f.districtsLate === 0),
    line('districtsCrossingBarriers', 'districts crossing an expressway, railway or large river', '辖区跨越快速路、铁路或较大河流的消防站', f.districtsCrossingBarriers, 'count', preset.districtBarriers.clause, f.districtsCrossingBarriers === 0),
    line('districtsMarginalised', 'stations far off their district centre', '偏离辖区中心（边缘化）的消防站', f.districtsMarginalised, 'count', preset.marginalStationRatio.clause, f.districtsMarginalised === 0),
    line('requiredStations', `stations required at ${f.requiredStationsCapKm2} km² per district`, `按每站${f.requiredStationsCapKm2} km²所需消防站数`, f.requiredStations, 'count', f.requiredStationsClause, f.stationsWithDistrict >= f.requiredStations),
    line('islandStations', 'stations on a road island (reach < 50 % of the network)', '位于道路孤岛上的消防站（可达路网不足50%）', a.stations.filter((s) => s.island).length, 'count', '—', a.stations.every((s) => !s.island)),
    line('stationsWithDistrict', 'stations with a district', '设辖区的消防站', f.stationsWithDistrict, 'count', preset.districtAreaByClassKm2.clause, null),
  ];
  const gap = (z: GapZone, i: number): GapSummary => ({
    rank: i + 1,
    kind: z.kind,
    reason: z.reason,
    areaKm2: km2(z.areaKm2),
    demand: roundTo(z.demand, 1),
    minArrivalS: sec(z.minArrivalS),
    maxArrivalS: sec(z.maxArrivalS),
    nearestStationId: z.nearestStationId,
    centroid: [roundTo(z.centroid[0], 6)!, roundTo(z.centroid[1], 6)!],
  });
  return {
    standards: { preset: preset.id, name: preset.name, responseS: R, responseClause: preset.responseS.clause },
    settings: {
      cellSizeM: ctx.grid.cellSizeM,
      accessDistanceM: ctx.grid.accessDistanceM,
      bandsS: [...ctx.scenario.analysis.bandsS],
      barrierCrossingMinM: ctx.options.barrierCrossingMinM,
      minGapAreaKm2: ctx.options.minGapAreaKm2,
    },
    accuracy: { landBasis: f.landBasis, landKm2ByCells: km2(ctx.landAreaKm2), studyAreaKm2ByPolygon: km2(ctx.studyAreaPolygonKm2) },
    stations: a.stations.map((s, i) => ({
      id: s.station.id,
      name: s.station.name,
      nameZh: s.station.nameZh ?? null,
      class: s.station.class,
      status: s.station.status,
      year: s.station.year ?? null,
      turnoutS: s.station.turnoutS,
      snapDistanceM: metres(s.snap.distanceM),
      serviceAreaKm2: km2(s.serviceLandKm2),
      reachedRoadKm: roundTo(s.reachedRoadM / 1000, 3),
      hasDistrict: districtOf.has(i),
      reachableNodePct: pct(s.reachableNodeShare),
      island: s.island,
    })),
    figures,
    districts: a.districts.map((d) => {
      const st = a.stations[d.stationIndex].station;
      return {
        stationId: d.stationId,
        name: st.name,
        nameZh: st.nameZh ?? null,
        class: d.stationClass,
        classLabel: STATION_CLASS_LABELS[d.stationClass],
        areaKm2: { value: km2(d.areaKm2), limit: d.capKm2, pass: !d.overCap, clause: d.capClause },
        latestArrivalS: { value: sec(d.latestArrivalS), limit: R, pass: d.edgeWithinStandard, clause: preset.responseS.clause },
        lateAreaKm2: km2(d.lateAreaKm2),
        barriers: {
          value: d.crossings.length,
          limit: 0,
          pass: d.crossings.length === 0,
          clause: preset.districtBarriers.clause,
          crossed: d.crossings.map((c) => ({ id: c.id, pieces: c.ids.length, kind: c.kind, name: c.name, nameZh: c.nameZh, lengthM: metres(c.lengthM) })),
        },
        marginalised: {
          value: d.marginalised,
          limit: `${preset.marginalStationRatio.value} × √(A/π)`,
          pass: !d.marginalised,
          clause: preset.marginalStationRatio.clause,
          stationOffsetM: metres(d.stationOffsetM),
          equivalentRadiusM: metres(d.equivalentRadiusM),
        },
        demand: roundTo(d.demand, 1),
      };
    }),
    gaps: {
      lateAreaKm2: km2(a.gaps.lateAreaKm2),
      lateDemand: roundTo(a.gaps.lateDemand, 1),
      lateZoneCount: a.gaps.lateZoneCount,
      unreachableAreaKm2: km2(a.gaps.unreachableAreaKm2),
      unreachableDemand: roundTo(a.gaps.unreachableDemand, 1),
      unreachableZoneCount: a.gaps.unreachableZoneCount,
      late: a.gaps.late.map(gap),
      unreachable: a.gaps.unreachable.map(gap),
    },
  };
}

function line(key: string, en: string, zh: string, value: number | null, unit: string, clause: string, pass: boolean | null): FigureLine {
  return { key, en, zh, value, unit, clause, pass };
}

/** What `comparisonSummary` returns. */
export interface ComparisonSummary {
  sets: {
    key: string;
    label: { en: string; zh: string };
    year: number | null;
    stations: string[];
    landSharePct: number | null;
    demandSharePct: number | null;
    roadSharePct: number | null;
    secondDueLandSharePct: number | null;
    lateAreaKm2: number | null;
    unreachableAreaKm2: number | null;
    districtsOverCap: number;
    districtsLate: number;
    districtsCrossingBarriers: number;
    districtsMarginalised: number;
    arrivalP90S: number | null;
  }[];
  changes: {
    from: string;
    to: string;
    stationsAdded: string[];
    landSharePctPoints: number | null;
    demandSharePctPoints: number | null;
    roadSharePctPoints: number | null;
    secondDueLandSharePctPoints: number | null;
    lateAreaDeltaKm2: number | null;
    unreachableAreaDeltaKm2: number | null;
    districtsOverCap: [number, number];
    districtsLate: [number, number];
  }[];
}

/** The figures of each compared station set and the changes between them, rounded and bilingual. */
export function comparisonSummary(c: SetComparison): ComparisonSummary {
  return {
    sets: c.sets.map(({ set, analysis }) => {
      const f = analysis.figures;
      return {
        key: set.key,
        label: set.label,
        year: set.year,
        stations: set.stations.map((s) => s.id),
        landSharePct: pct(f.landShare),
        demandSharePct: pct(f.demandShare),
        roadSharePct: pct(f.roadShare),
        secondDueLandSharePct: pct(f.secondDueLandShare),
        lateAreaKm2: km2(f.lateAreaKm2),
        unreachableAreaKm2: km2(f.unreachableAreaKm2),
        districtsOverCap: f.districtsOverCap,
        districtsLate: f.districtsLate,
        districtsCrossingBarriers: f.districtsCrossingBarriers,
        districtsMarginalised: f.districtsMarginalised,
        arrivalP90S: sec(f.arrivalP90S),
      };
    }),
    changes: c.changes.map((x) => ({
      from: x.from,
      to: x.to,
      stationsAdded: x.stationsAdded,
      landSharePctPoints: pct(x.landShareDelta),
      demandSharePctPoints: pct(x.demandShareDelta),
      roadSharePctPoints: pct(x.roadShareDelta),
      secondDueLandSharePctPoints: pct(x.secondDueLandShareDelta),
      lateAreaDeltaKm2: km2(x.lateAreaDeltaKm2),
      unreachableAreaDeltaKm2: km2(x.unreachableAreaDeltaKm2),
      districtsOverCap: x.districtsOverCap,
      districtsLate: x.districtsLate,
    })),
  };
}
