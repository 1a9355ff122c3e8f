import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { RoadNetwork } from '../network/road_network';
import { LinkFlag, roadClassCode } from '../network/road_class';
import { SnapIndex } from '../spatial/snap_index';
import type { MapFeatures } from '../io/map_features';
import { districtCapKm2, type StandardsPreset } from '../standards/preset';
import type { AnalysisSettings, Station, WaterSettings } from '../scenario/scenario_types';
import { InputError } from '../input_error';
import { DEFAULT_WATER } from '../scenario/load_scenario';
import { stationsInService } from '../scenario/stations';
import { CHINESE_ROAD_CLASSES } from '../network/road_class';
import { multiSourceSearch, SearchWorkspace } from '../search/multi_source_search';
import { buildLandGrid, cellAreaKm2, type LandGrid } from '../surface/land_grid';
import { arrivalSurface } from '../surface/arrival_surface';
import { contourCells } from '../surface/contours';
import { complementIntervals, coveredIntervals, hoseField } from './along_road';
import { placeOnLink, type NetworkPlace } from '../network/network_place';
import { travellableLink } from '../network/access';
import { intervalsLength, subtractIntervals } from './intervals';
import { chainPosition, stitch, type Chain } from './chains';
import { DEFAULT_COUNTING_STATUSES, snapHydrants, type HydrantStatus, type SnappedHydrant } from './hydrant_snap';
import { greedyPositions, roadStretches, spacingGaps, type SpacingGap } from './spacing';
import { chainWithoutLinks, placeHydrants, placeOnSides } from './fix_plan';
import { wideRoadGaps, type WideRoadGap } from './wide_roads';
import { requiredPlaces, type RequiredPlace } from './required_places';
import { CANDIDATE_WATER_KINDS, INTAKE_KINDS, intakeReach, proposeIntakes, snapIntakes, stationsToIntakes, type IntakeCandidate, type IntakeSource, type StationWater } from './intake';
import { singleDistrict, stationLinkDistricts, type LinkDistricts } from './water_districts';
import { areaTest } from './study_area';
import { linkCumulativeM, pointOnLink } from '../network/link_geometry';
import CheapRuler from 'cheap-ruler';
import { nowMs } from '../web_globals';

/** Main roads that carry water cranes in severe-cold cities. */
export const WATER_CRANE_ROAD_CLASSES: readonly string[] = ['trunk', 'primary', 'secondary'];

/** The water settings used where a scenario gives none (the same object as `DEFAULT_WATER`). */
export const DEFAULT_WATER_SETTINGS: Readonly<Required<WaterSettings>> = DEFAULT_WATER;

/** What `analyzeWater` reads: the parts of a loaded scenario it needs. */
export interface WaterInput {
  network: RoadNetwork;
  preset: StandardsPreset;
  stations: readonly Station[];
  features: MapFeatures;
  studyArea: FeatureCollection<Polygon | MultiPolygon> | null;
  analysis: Required<AnalysisSettings>;
  water: Required<WaterSettings>;
  /** For error messages. */
  fileName?: string;
}

/** Options of `analyzeWater`: districts, stations, statuses that count, and which parts to compute. */
export interface WaterOptions {
  /**
   * Per-link districts (e.g. `coverageLinkDistricts` of the coverage analysis, as `analyzeScenario` passes);
   * default: the same rule on `stations` — each link to the district-holding station reaching it first,
   * turnout + driving time (`stationLinkDistricts`).
   */
  districts?: LinkDistricts | null;
  /**
   * The stations in service (for the default districts and the station-to-intake times); default: those
   * in service in the scenario's `analysis.year`. Pass the coverage analysis's set so both agree.
   */
  stations?: readonly Station[];
  /** Hydrant statuses that count toward compliance (default working and unknown). */
  countingStatuses?: readonly HydrantStatus[];
  /** Compute land figures on the surface grid (default true). */
  land?: boolean;
  /** New intake points to propose (default 3). */
  newIntakes?: number;
  /** A snap index over the travellable links of this network (`travellableLink`), when the caller already has one (building one costs ~0.5 s on a 50k-link city). */
  snapIndex?: SnapIndex;
}

/** Counts for one district (or the total). */
export interface WaterDistrictRow {
  id: string;
  name: string;
  /** Chinese name of the district's station (null: none given). */
  nameZh: string | null;
  /** Road that needs hydrants, km. */
  roadKm: number;
  /**
   * Hydrants the spacing rule requires on that road: the number the fix-plan placement puts on the
   * road with no hydrant existing (⌈length / spacing⌉ on a single stretch; junctions not paid twice).
   * A stretch of wide road (wider than `wideRoadWidthM`) needs its per-side number on each side:
   * 2 × ⌈length / spacing⌉.
   */
  required: number;
  /** Hydrants that exist (snapped to a road, in the study area, any status). */
  existing: number;
  working: number;
  damaged: number;
  lowPressure: number;
  unknown: number;
  /** existing ÷ required (建有率); null when nothing is required. */
  constructionRate: number | null;
  /** working ÷ existing (完好率): unknown status is not counted as intact; null without hydrants. */
  intactRate: number | null;
  gapKm: number;
  gaps: number;
  protectedKm: number;
  unprotectedKm: number;
  /** New hydrants the fix plan places here. */
  proposed: number;
}

/** A new hydrant in the fix plan: its position on the road and what it fixes. */
export interface ProposedHydrant {
  lon: number;
  lat: number;
  link: number;
  offsetM: number;
  /** Index into `spacing.gaps`; -1 for a hydrant on a side of a wide road (see `wideGap`). */
  gap: number;
  /** Index into `wideRoads.gaps` for a hydrant on the unserved side of a wide road, else -1. */
  wideGap: number;
  /** Side of a wide road relative to the link's direction (at the kerb, 1 m outside half the width); null elsewhere. */
  side: 'left' | 'right' | null;
  district: number;
  road: string;
}

/** What `analyzeWater` returns: spacing and protection along the roads, required places, per-district rates, the fix plan and intake points. */
export interface WaterAnalysis {
  network: RoadNetwork;
  preset: StandardsPreset;
  settings: Required<WaterSettings>;
  countingStatuses: readonly HydrantStatus[];
  districts: LinkDistricts;
  /** Links that need hydrants (class and study area). */
  requiredMask: Uint8Array;
  hydrants: SnappedHydrant[];
  counts: { total: number; snapped: number; offRoad: number; outsideArea: number; counting: number; working: number; damaged: number; lowPressure: number; unknown: number };
  spacing: { gaps: SpacingGap[]; gapDistrict: number[]; gapKm: number; roadKm: number; stretches: number };
  protection: { protectedKm: number; unprotectedKm: number; unprotected: Chain[]; land: LandWater | null };
  fixPlan: { proposed: ProposedHydrant[] };
  wideRoads: {
    wideRoadKm: number;
    gaps: WideRoadGap[];
    oneSidedKm: number;
    /** Hydrants required on wide roads, both sides: 2 × the per-side number (part of `total.required`). */
    required: number;
    /** Fix-plan hydrants on their unserved sides (part of `fixPlan.proposed`). */
    proposed: number;
  };
  requiredPlaces: RequiredPlace[];
  cranes: { checked: boolean; count: number; roadKm: number; required: number; gaps: SpacingGap[]; gapKm: number };
  intake: {
    sources: IntakeSource[];
    stations: StationWater[];
    /** Required road beyond hydrant protection that an engine loaded at an intake reaches within intakeTimeS, km. */
    beyondHydrantsReachedKm: number;
    /** Required road neither protected by hydrants nor within intake reach, km. */
    noWaterKm: number;
    reach: Chain[];
    /** New intake points, greedy maximal covering (not guaranteed optimal). */
    proposed: IntakeCandidate[];
    /** What `proposed` was ranked by: unprotected land (km²) when the land grid is computed, else road (m). */
    proposedBy: 'land' | 'road';
  };
  table: WaterDistrictRow[];
  total: WaterDistrictRow;
  /** Milliseconds per stage (not part of any output file). */
  timingsMs: Record<string, number>;
}

/** Land figures on the surface grid. */
export interface LandWater {
  cellSizeM: number;
  /** Land with road access (within the access distance) in the study area, km². */
  landKm2: number;
  protectedKm2: number;
  unprotectedKm2: number;
  /** Unprotected by hydrants but within intakeTimeS of an intake point, km². */
  intakeKm2: number;
  unprotected: MultiPolygon;
  /** Neither hydrant protection nor intake reach: candidate zones for fire pools (plan 003 L141). */
  noWater: MultiPolygon;
}

function classMask(net: RoadNetwork, classes: readonly string[], where: string, inArea: (l: number) => boolean): Uint8Array {
  const codes = new Set<number>();
  for (const c of classes) {
    const code = roadClassCode(CHINESE_ROAD_CLASSES[c] ?? c);
    if (code === undefined) throw new InputError({ file: where }, `unknown road class "${c}"`, `未知道路等级"${c}"`);
    codes.add(code);
  }
  const mask = new Uint8Array(net.linkCount);
  for (let l = 0; l < net.linkCount; l++) if (codes.has(net.linkClass[l]) && inArea(l)) mask[l] = 1;
  return mask;
}

function majorityDistrict(chain: Chain, owner: Int32Array): number {
  const acc = new Map<number, number>();
  for (const p of chain.parts) acc.set(owner[p.link], (acc.get(owner[p.link]) ?? 0) + Math.abs(p.toM - p.fromM));
  let best = -1;
  let bestLen = -1;
  for (const [d, len] of acc) if (len > bestLen || (len === bestLen && d < best)) [best, bestLen] = [d, len];
  return best;
}

function emptyRow(id: string, name: string, nameZh: string | null): WaterDistrictRow {
  return { id, name, nameZh, roadKm: 0, required: 0, existing: 0, working: 0, damaged: 0, lowPressure: 0, unknown: 0, constructionRate: null, intactRate: null, gapKm: 0, gaps: 0, protectedKm: 0, unprotectedKm: 0, proposed: 0 };
}

/**
 * Every water check of a scenario: hydrant snapping and status, spacing gaps along the network,
 * protection along the network (road and land), required counts and rates per district, the fix plan,
 * wide roads, bridge heads and tunnel entrances, water cranes, intake points. Deterministic.
 */
export function analyzeWater(input: WaterInput, options: WaterOptions = {}): WaterAnalysis {
  const net = input.network;
  const preset = input.preset;
  const settings: Required<WaterSettings> = { ...DEFAULT_WATER, ...input.water };
  const where = input.fileName ?? 'scenario';
  const spacingM = preset.hydrantSpacingM.value;
  const protectionM = preset.hydrantProtectionM.value;
  const countingStatuses = options.countingStatuses ?? DEFAULT_COUNTING_STATUSES;

  const timingsMs: Record<string, number> = {};
  let clock = nowMs();
  const lap = (stage: string): void => {
    const now = nowMs();
    timingsMs[stage] = now - clock;
    clock = now;
  };
  const pointInArea = areaTest(input.studyArea);
  const linkInArea = (l: number): boolean => {
    if (!input.studyArea) return true;
    const p = pointOnLink(net, l, net.linkLengthM[l] / 2, linkCumulativeM(net, l));
    return pointInArea(p.lon, p.lat);
  };
  const linkInAreaCache = new Int8Array(net.linkCount).fill(-1);
  const inAreaCached = (l: number): boolean => {
    if (linkInAreaCache[l] < 0) linkInAreaCache[l] = linkInArea(l) ? 1 : 0;
    return linkInAreaCache[l] === 1;
  };
  const requiredMask = classMask(net, settings.hydrantRoadClasses, `${where}: water.hydrantRoadClasses`, inAreaCached);

  // hydrants, water cranes, intake points and stations: all on links that can be driven (network/access)
  const allIndex = options.snapIndex ?? new SnapIndex(net, travellableLink(net));
  const drivable = (): SnapIndex => allIndex;
  const inService = options.stations ?? stationsInService(input.stations, input.analysis.year);
  // Default districts: the coverage rule (turnout + driving, district-holding classes only) on the roads.
  const districtStations = inService.filter((s) => districtCapKm2(preset, s.class, s.urbanEdge === true).capKm2 !== null);
  const districts = options.districts ?? (districtStations.length ? stationLinkDistricts(net, districtStations, drivable()) : singleDistrict(net));
  const owner = districts.linkOwner;
  const rows = districts.ids.map((id, i) => emptyRow(id, districts.names[i], districts.namesZh?.[i] ?? null));
  const noneRow = emptyRow('', '(none)', '（无）');
  const row = (d: number): WaterDistrictRow => (d >= 0 ? rows[d] : noneRow);

  // Hydrants.
  const hydrants = snapHydrants(net, input.features.hydrants, {
    maxSnapM: settings.hydrantMaxSnapM,
    wideRoadWidthM: preset.wideRoadWidthM.value,
    inArea: pointInArea,
    countingStatuses,
    index: allIndex,
  });
  const counts = { total: hydrants.length, snapped: 0, offRoad: 0, outsideArea: 0, counting: 0, working: 0, damaged: 0, lowPressure: 0, unknown: 0 };
  for (const h of hydrants) {
    if (!h.inArea) {
      counts.outsideArea++;
      continue;
    }
    if (!h.snap) {
      counts.offRoad++;
      continue;
    }
    counts.snapped++;
    if (h.counts) counts.counting++;
    const r = row(owner[h.snap.link]);
    r.existing++;
    const key = h.status === 'low_pressure' ? 'lowPressure' : h.status;
    counts[key]++;
    r[key]++;
  }
  lap('setup and snapping');
  const sources: NetworkPlace[] = hydrants.filter((h) => h.counts).map((h) => h.snap!);
  const field = hoseField(net, sources, Math.max(spacingM / 2, protectionM, preset.requiredPlaceHydrantM.value));

  lap('hose search');
  // Required: the hydrants the placement rule needs with none existing (on a single path ⌈L / spacing⌉).
  // Wide roads need them on both sides (GB 50974-2014 §7.2.3), each side checked along its own stretch:
  // per side the placement on the wide stretch alone, ⌈L / spacing⌉; required 2 × that.
  const wideLimitM = preset.wideRoadWidthM.value;
  const wideMask = new Uint8Array(net.linkCount);
  let anyWide = false;
  for (let l = 0; l < net.linkCount; l++) {
    if (requiredMask[l] && net.linkWidthM[l] > wideLimitM) {
      wideMask[l] = 1;
      anyWide = true;
    }
  }
  const stretches = roadStretches(net, requiredMask);
  let narrowMask = requiredMask;
  if (anyWide) {
    narrowMask = new Uint8Array(net.linkCount);
    for (let l = 0; l < net.linkCount; l++) narrowMask[l] = requiredMask[l] && !wideMask[l] ? 1 : 0;
  }
  for (const h of placeHydrants(net, anyWide ? roadStretches(net, narrowMask) : stretches, spacingM)) row(owner[h.link]).required++;
  let wideRequired = 0;
  if (anyWide) {
    for (const chain of roadStretches(net, wideMask)) {
      for (const along of greedyPositions(chain.lengthM, spacingM)) {
        row(owner[chainPosition(chain, along).link]).required += 2;
        wideRequired += 2;
      }
    }
  }

  lap('required count');
  // Spacing gaps and the fix plan.
  const gaps = spacingGaps(field, requiredMask, spacingM);
  const gapDistrict = gaps.map((g) => majorityDistrict(g.chain, owner));
  gaps.forEach((g, gi) => {
    const r = row(gapDistrict[gi]);
    r.gaps++;
    r.gapKm += g.lengthM / 1000;
  });
  lap('spacing gaps');
  // Wide roads are fixed side by side below (their one-sided gaps contain their spacing gaps).
  const narrowGapChains: Chain[] = [];
  const narrowGapOf: number[] = [];
  gaps.forEach((g, gi) => {
    for (const c of anyWide ? chainWithoutLinks(g.chain, wideMask) : [g.chain]) {
      narrowGapChains.push(c);
      narrowGapOf.push(gi);
    }
  });
  const proposed: ProposedHydrant[] = placeHydrants(net, narrowGapChains, spacingM).map((h) => {
    const pt = pointOnLink(net, h.link, h.offsetM);
    const d = owner[h.link];
    row(d).proposed++;
    return { lon: pt.lon, lat: pt.lat, link: h.link, offsetM: h.offsetM, gap: narrowGapOf[h.stretch], wideGap: -1, side: null, district: d, road: net.names[net.linkName[h.link]] ?? '' };
  });

  lap('fix plan');
  // Protection along the road.
  const unprotectedPieces: number[] = [];
  const unprotectedByLink = new Map<number, number[]>();
  let roadM = 0;
  let unprotM = 0;
  for (let l = 0; l < net.linkCount; l++) {
    if (!requiredMask[l]) continue;
    const L = net.linkLengthM[l];
    const un = complementIntervals(coveredIntervals(field, l, protectionM), L);
    const u = intervalsLength(un);
    roadM += L;
    unprotM += u;
    const r = row(owner[l]);
    r.roadKm += L / 1000;
    r.unprotectedKm += u / 1000;
    r.protectedKm += (L - u) / 1000;
    if (un.length) {
      unprotectedByLink.set(l, un);
      for (let i = 0; i < un.length; i += 2) unprotectedPieces.push(l, un[i], un[i + 1]);
    }
  }

  lap('protection');
  // Wide roads and required places.
  const wide = wideRoadGaps(net, hydrants, wideLimitM, spacingM, requiredMask);
  // The fix plan on wide roads: each unserved side of a wide stretch, at the kerb (1 m outside half the width).
  const sidePlaced = placeOnSides(wide.gaps, spacingM);
  for (const h of sidePlaced) {
    const pt = pointOnLink(net, h.link, h.offsetM);
    const outM = net.linkWidthM[h.link] / 2 + 1;
    const ruler = new CheapRuler(pt.lat, 'meters');
    const lon = pt.lon + (h.side * -pt.dirY * outM) / ruler.kx;
    const lat = pt.lat + (h.side * pt.dirX * outM) / ruler.ky;
    const d = owner[h.link];
    row(d).proposed++;
    proposed.push({ lon, lat, link: h.link, offsetM: h.offsetM, gap: -1, wideGap: h.wideGap, side: h.side === 1 ? 'left' : 'right', district: d, road: net.names[net.linkName[h.link]] ?? '' });
  }
  const places = requiredPlaces(net, field, requiredMask, preset.requiredPlaceHydrantM.value);

  lap('wide roads and required places');
  // Water cranes.
  const cranes: WaterAnalysis['cranes'] = { checked: settings.severeCold, count: 0, roadKm: 0, required: 0, gaps: [], gapKm: 0 };
  if (settings.severeCold) {
    const craneSpacingM = preset.waterCraneSpacingM.value;
    const mainMask = classMask(net, WATER_CRANE_ROAD_CLASSES, 'water cranes', inAreaCached);
    const cranePts: NetworkPlace[] = [];
    for (const f of input.features.waterSources.features) {
      if (f.properties?.kind !== 'water_crane' || f.properties.status === 'damaged' || f.geometry?.type !== 'Point') continue;
      const [lon, lat] = f.geometry.coordinates;
      const s = allIndex.nearest(lon, lat, settings.hydrantMaxSnapM);
      if (s && pointInArea(lon, lat)) cranePts.push(s);
    }
    cranes.count = cranePts.length;
    const craneField = hoseField(net, cranePts, craneSpacingM / 2);
    cranes.gaps = spacingGaps(craneField, mainMask, craneSpacingM);
    for (const g of cranes.gaps) cranes.gapKm += g.lengthM / 1000;
    const mainStretches = roadStretches(net, mainMask);
    for (const s of mainStretches) cranes.roadKm += s.lengthM / 1000;
    cranes.required = placeHydrants(net, mainStretches, craneSpacingM).length;
  }

  lap('water cranes');
  // Intake points.
  const hasIntakeKinds = input.features.waterSources.features.some((f) => f.properties && INTAKE_KINDS.includes(f.properties.kind));
  const intakeSources = hasIntakeKinds ? snapIntakes(input.features.waterSources, drivable(), settings.intakeMaxSnapM) : [];
  const intakePts: NetworkPlace[] = intakeSources.filter((s) => s.snap).map((s) => s.snap!);
  const stationWater = inService.length ? stationsToIntakes(net, inService, intakeSources, drivable()) : [];
  const reached = intakePts.length ? intakeReach(net, intakePts, settings.intakeTimeS, unprotectedByLink.keys()) : new Map<number, number[]>();
  let beyondReachedM = 0;
  const unserved = new Map<number, number[]>();
  const reachPieces: number[] = [];
  for (const [l, un] of unprotectedByLink) {
    const r = reached.get(l);
    const left = r ? subtractIntervals(un, r) : un;
    beyondReachedM += intervalsLength(un) - intervalsLength(left);
    if (left.length) unserved.set(l, left);
  }
  for (const [l, iv] of reached) for (let i = 0; i < iv.length; i += 2) reachPieces.push(l, iv[i], iv[i + 1]);
  let noWaterM = 0;
  for (const iv of unserved.values()) noWaterM += intervalsLength(iv);
  lap('intake points');
  // Land on the surface grid.
  const landOut = (options.land ?? true) ? landFigures(net, input, field, intakeSources, protectionM, settings.intakeTimeS) : null;
  const land: LandWater | null = landOut?.land ?? null;

  lap('land');
  // New intake points: ranked by the unprotected land they bring within intakeTimeS (else by road).
  const hasCandidateWater = input.features.waterSources.features.some((f) => f.properties && CANDIDATE_WATER_KINDS.includes(f.properties.kind));
  const proposedIntakes = !hasCandidateWater ? [] : proposeIntakes(net, input.features.waterSources, drivable(), unserved, {
    maxSnapM: settings.intakeMaxSnapM,
    limitS: settings.intakeTimeS,
    count: options.newIntakes ?? 3,
    land: landOut ? { cellsReached: landOut.cellsReached, cellKm2: landOut.cellKm2 } : undefined,
  });

  lap('new intake points');
  // Rates.
  const finish = (r: WaterDistrictRow): WaterDistrictRow => {
    r.constructionRate = r.required > 0 ? r.existing / r.required : null;
    r.intactRate = r.existing > 0 ? r.working / r.existing : null;
    return r;
  };
  const table = [...rows, ...(noneRow.existing || noneRow.required || noneRow.roadKm ? [noneRow] : [])].map(finish);
  const total = emptyRow('total', 'total', '合计');
  for (const r of table) {
    for (const k of ['roadKm', 'required', 'existing', 'working', 'damaged', 'lowPressure', 'unknown', 'gapKm', 'gaps', 'protectedKm', 'unprotectedKm', 'proposed'] as const) total[k] += r[k];
  }
  finish(total);

  let oneSidedM = 0;
  for (const g of wide.gaps) if (g.missing !== 'both') oneSidedM += g.lengthM;
  return {
    network: net,
    preset,
    settings,
    countingStatuses,
    districts,
    requiredMask,
    hydrants,
    counts,
    spacing: { gaps, gapDistrict, gapKm: gaps.reduce((s, g) => s + g.lengthM, 0) / 1000, roadKm: roadM / 1000, stretches: stretches.length },
    protection: { protectedKm: (roadM - unprotM) / 1000, unprotectedKm: unprotM / 1000, unprotected: stitch(net, unprotectedPieces), land },
    fixPlan: { proposed },
    wideRoads: { wideRoadKm: wide.wideRoadM / 1000, gaps: wide.gaps, oneSidedKm: oneSidedM / 1000, required: wideRequired, proposed: sidePlaced.length },
    requiredPlaces: places,
    cranes,
    intake: { sources: intakeSources, stations: stationWater, beyondHydrantsReachedKm: beyondReachedM / 1000, noWaterKm: noWaterM / 1000, reach: stitch(net, reachPieces), proposed: proposedIntakes, proposedBy: landOut ? 'land' : 'road' },
    table,
    total,
    timingsMs,
  };
}

/**
 * Land protected by hydrants: a cell is served through its nearest road point (within the access
 * distance) and is protected when the hose from the nearest counting hydrant — along the road to that
 * point, then straight to the cell centre — is at most the protection radius.
 */
function landFigures(
  net: RoadNetwork,
  input: WaterInput,
  field: ReturnType<typeof hoseField>,
  intakes: IntakeSource[],
  protectionM: number,
  intakeTimeS: number,
): { land: LandWater; cellKm2: number; cellsReached: (link: number, offsetM: number) => number[] } {
  const grid: LandGrid = buildLandGrid(net, {
    cellSizeM: input.analysis.cellSizeM,
    accessDistanceM: input.analysis.accessDistanceM,
    area: input.studyArea ?? undefined,
    linkFilter: (l) => !(net.linkFlags[l] & LinkFlag.CLOSED),
  });
  const hose = arrivalSurface(grid, field.search);
  const snaps = intakes.filter((s) => s.snap).map((s) => ({ snap: s.snap!, startCost: 0 }));
  const workspace = new SearchWorkspace(net.nodeCount);
  const intake = snaps.length ? arrivalSurface(grid, multiSourceSearch(net, snaps, { metric: 'time', directed: true, budget: intakeTimeS, workspace })) : null;
  const cell = cellAreaKm2(grid);
  let landN = 0;
  let protN = 0;
  let intakeN = 0;
  const unprot = new Uint8Array(grid.inArea.length);
  const noWater = new Uint8Array(grid.inArea.length);
  for (let k = 0; k < grid.inArea.length; k++) {
    if (!grid.inArea[k] || grid.nearestLink[k] < 0) continue;
    landN++;
    if (hose[k] + grid.nearestDistM[k] <= protectionM) {
      protN++;
      continue;
    }
    unprot[k] = 1;
    if (intake && intake[k] <= intakeTimeS) intakeN++;
    else noWater[k] = 1;
  }
  const land: LandWater = {
    cellSizeM: grid.cellSizeM,
    landKm2: landN * cell,
    protectedKm2: protN * cell,
    unprotectedKm2: (landN - protN) * cell,
    intakeKm2: intakeN * cell,
    unprotected: contourCells(grid, (k) => unprot[k] === 1),
    noWater: contourCells(grid, (k) => noWater[k] === 1),
  };
  // The no-water cells an engine loaded at a new intake at (link, offsetM) reaches within intakeTimeS,
  // measured like the existing intakes (driving time to the cell's nearest road point).
  const cellsReached = (link: number, offsetM: number): number[] => {
    const at = arrivalSurface(grid, multiSourceSearch(net, [{ snap: placeOnLink(net, link, offsetM), startCost: 0 }], { metric: 'time', directed: true, budget: intakeTimeS, workspace }));
    const out: number[] = [];
    for (let k = 0; k < at.length; k++) if (noWater[k] && at[k] <= intakeTimeS) out.push(k);
    return out;
  };
  return { land, cellKm2: cell, cellsReached };
}
