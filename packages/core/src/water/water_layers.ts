import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point } from 'geojson';
import { chainCoordinates, type Chain } from './chains';
import type { WaterAnalysis } from './analyze_water';
import type { IntakeReachProperties, UnprotectedProperties, WaterLayers } from './water_layer_properties';

/**
 * The water analysis as GeoJSON layers for maps (WGS84, coordinates rounded to 1e-7°, lengths to
 * 0.1 m), in a fixed order so the bytes are deterministic. Keys are the file names without `.geojson`;
 * the properties of each layer are typed in `water_layer_properties.ts`.
 */

const r7 = (x: number): number => Math.round(x * 1e7) / 1e7;
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function feature<G extends Geometry, P>(geometry: G, properties: P): Feature<G, P> {
  return { type: 'Feature', geometry, properties };
}

function roundGeometry(g: MultiPolygon): MultiPolygon {
  const rc = (c: unknown): unknown => (typeof c === 'number' ? r7(c) : Array.isArray(c) ? c.map(rc) : c);
  return { ...g, coordinates: rc(g.coordinates) as MultiPolygon['coordinates'] };
}

function line(a: WaterAnalysis, chain: Chain): LineString {
  return { type: 'LineString', coordinates: chainCoordinates(a.network, chain).map(([x, y]) => [r7(x), r7(y)]) };
}

function roadName(a: WaterAnalysis, chain: Chain): string {
  const net = a.network;
  const names: string[] = [];
  for (const p of chain.parts) {
    const n = net.names[net.linkName[p.link]];
    if (n && !names.includes(n)) names.push(n);
  }
  return names.join(' / ');
}

/** The Chinese road name of a chain (each link's Chinese name, else its name); null when no link has one. */
function roadNameZh(a: WaterAnalysis, chain: Chain): string | null {
  const net = a.network;
  const names: string[] = [];
  let any = false;
  for (const p of chain.parts) {
    any ||= net.linkNameZh[p.link] > 0;
    const n = net.names[net.linkNameZh[p.link] || net.linkName[p.link]];
    if (n && !names.includes(n)) names.push(n);
  }
  return any ? names.join(' / ') : null;
}

/** The Chinese name of link `l`, null when none given. */
function linkNameZh(a: WaterAnalysis, l: number): string | null {
  return a.network.linkNameZh[l] ? a.network.names[a.network.linkNameZh[l]] : null;
}

function districtId(a: WaterAnalysis, d: number): string | null {
  return d >= 0 ? a.districts.ids[d] : null;
}

/** The water results as GeoJSON layers (hydrants, gaps, required places, proposed hydrants, intakes). */
export function waterLayers(a: WaterAnalysis): WaterLayers {
  const net = a.network;
  const owner = a.districts.linkOwner;
  const fc = <G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> => ({ type: 'FeatureCollection', features });
  const layers = {} as WaterLayers;

  layers.hydrants = fc(
    a.hydrants.map((h) =>
      feature(
        { type: 'Point', coordinates: [r7(h.lon), r7(h.lat)] },
        {
          id: h.id,
          ref: h.ref ?? null,
          status: h.status,
          // counts | defective (damaged / low pressure) | off_road (too far from a road) | outside (study area)
          compliance: !h.inArea ? 'outside' : !h.snap ? 'off_road' : h.counts ? 'counts' : 'defective',
          type: h.type ?? null,
          diameter_mm: h.diameterMm ?? null,
          snap_m: h.snap ? r1(h.snap.distanceM) : null,
          road: h.snap ? net.names[net.linkName[h.snap.link]] || null : null,
          roadZh: h.snap ? linkNameZh(a, h.snap.link) : null,
          side: h.side === 1 ? 'left' : h.side === -1 ? 'right' : null,
          district: h.snap ? districtId(a, owner[h.snap.link]) : null,
        },
      ),
    ),
  );

  const spacingM = a.preset.hydrantSpacingM.value;
  layers.hydrant_gaps = fc(
    a.spacing.gaps.map((g, i) =>
      feature(line(a, g.chain), {
        gap: i + 1,
        length_m: r1(g.lengthM),
        span_m: g.spanM === null ? null : r1(g.spanM),
        new_hydrants: Math.ceil(g.lengthM / spacingM - 1e-9),
        start: g.chain.startEnd,
        end: g.chain.endEnd,
        road: roadName(a, g.chain),
        roadZh: roadNameZh(a, g.chain),
        district: districtId(a, a.spacing.gapDistrict[i]),
        clause: a.preset.hydrantSpacingM.clause,
      }),
    ),
  );

  const unprotected: Feature<LineString | MultiPolygon, UnprotectedProperties>[] = a.protection.unprotected.map((c) =>
    feature<LineString | MultiPolygon, UnprotectedProperties>(line(a, c), { kind: 'road', length_m: r1(c.lengthM), road: roadName(a, c), roadZh: roadNameZh(a, c), clause: a.preset.hydrantProtectionM.clause }),
  );
  if (a.protection.land) {
    unprotected.push(feature(roundGeometry(a.protection.land.unprotected), { kind: 'land', area_km2: r3(a.protection.land.unprotectedKm2), clause: a.preset.hydrantProtectionM.clause }));
  }
  layers.unprotected = fc(unprotected);

  layers.proposed_hydrants = fc(
    a.fixPlan.proposed.map((p, i) =>
      feature(
        { type: 'Point', coordinates: [r7(p.lon), r7(p.lat)] },
        {
          n: i + 1,
          gap: p.gap >= 0 ? p.gap + 1 : null,
          wide_gap: p.wideGap >= 0 ? p.wideGap + 1 : null,
          side: p.side,
          road: p.road || null,
          roadZh: linkNameZh(a, p.link),
          district: districtId(a, p.district),
          offset_m: r1(p.offsetM),
        },
      ),
    ),
  );

  layers.wide_road_gaps = fc(
    a.wideRoads.gaps.map((g) => feature(line(a, g.chain), { missing_side: g.missing, length_m: r1(g.lengthM), road: roadName(a, g.chain), roadZh: roadNameZh(a, g.chain), clause: a.preset.wideRoadWidthM.clause })),
  );

  layers.required_places = fc(
    a.requiredPlaces.map((p) =>
      feature(
        { type: 'Point', coordinates: [r7(p.lon), r7(p.lat)] },
        {
          kind: p.kind,
          run: p.run,
          name: p.name || null,
          nameZh: p.nameZh,
          nearest_hydrant_m: Number.isFinite(p.nearestHydrantM) ? r1(p.nearestHydrantM) : null,
          ok: p.ok,
          clause: a.preset.requiredPlaceHydrantM.clause,
        },
      ),
    ),
  );

  const intake: Feature<Point | LineString | MultiPolygon, IntakeReachProperties>[] = a.intake.sources.map((s) =>
    feature<Point | LineString | MultiPolygon, IntakeReachProperties>({ type: 'Point', coordinates: [r7(s.lon), r7(s.lat)] }, { kind: 'source', id: s.id, source_kind: s.kind, name: s.name || null, nameZh: s.nameZh, reachable: s.snap !== null, snap_m: s.snap ? r1(s.snap.distanceM) : null }),
  );
  for (const c of a.intake.reach) intake.push(feature(line(a, c), { kind: 'reach', length_m: r1(c.lengthM), road: roadName(a, c), roadZh: roadNameZh(a, c) }));
  a.intake.proposed.forEach((c, i) =>
    intake.push(feature({ type: 'Point', coordinates: [r7(c.lon), r7(c.lat)] }, {
        kind: 'proposed',
        n: i + 1,
        water: c.waterName || c.waterId,
        waterZh: c.waterNameZh,
        ranked_by: a.intake.proposedBy,
        gain_km2: c.gainKm2 === null ? null : Math.round(c.gainKm2 * 1e6) / 1e6,
        gain_m: r1(c.gainM),
      })),
  );
  if (a.protection.land) intake.push(feature(roundGeometry(a.protection.land.noWater), { kind: 'no_water', area_km2: r3(a.protection.land.unprotectedKm2 - a.protection.land.intakeKm2) }));
  layers.intake_reach = fc(intake);

  if (a.cranes.checked) {
    layers.water_crane_gaps = fc(
      a.cranes.gaps.map((g, i) => feature(line(a, g.chain), { gap: i + 1, length_m: r1(g.lengthM), span_m: g.spanM === null ? null : r1(g.spanM), road: roadName(a, g.chain), roadZh: roadNameZh(a, g.chain), clause: a.preset.waterCraneSpacingM.clause })),
    );
  }
  return layers;
}
