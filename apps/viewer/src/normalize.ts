import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { DistrictFeatureProperties, GapFeatureProperties, HydrantFeatureProperties, ServiceAreaProperties, StationFeatureProperties } from '@firecover/core';
import type { Check, DistrictRow } from './model';

/**
 * Adds the `fc_*` properties the map style reads to the layers of `coverageLayers` / `waterLayers`, whose
 * feature properties core types (`DistrictFeatureProperties`, …). Runs in the worker, and on the page for
 * analyze output folders (the same layers, written by `firecover analyze --out`).
 */

type Props = Record<string, unknown>;

/** The viewer's own candidate markers: a subset of the stations layer's properties. */
export type CandidateFeatureProperties = Pick<StationFeatureProperties, 'id' | 'name' | 'class' | 'status'>;

/** Band index 0..bandsS.length for an arrival-time polygon: the first band limit at or above its upper limit. */
export function bandIndex(p: ServiceAreaProperties, bandsS: number[]): number {
  if (p.kind !== 'band' || p.upToS === null) return bandsS.length;
  for (let i = 0; i < bandsS.length; i++) if (p.upToS <= bandsS[i] + 1e-6) return i;
  return bandsS.length;
}

const STATUSES = ['existing', 'under_construction', 'planned', 'candidate'];

/** A districts-table row from a district feature's properties, each check with its clause. */
export function districtRow(p: DistrictFeatureProperties): DistrictRow {
  const checks: Check[] = [
    { name: 'area', ok: !p.overCap, clause: p.capClause },
    { name: 'arrival', ok: p.edgeWithinStandard, clause: p.responseClause },
    { name: 'barriers', ok: p.barriersCrossed === '', clause: p.barrierClause, en: p.barriersCrossed || undefined, zh: p.barriersCrossedZh || undefined },
    { name: 'centre', ok: !p.marginalised, clause: p.marginalClause },
  ];
  return {
    stationId: p.stationId,
    name: p.name,
    nameZh: p.nameZh ?? undefined,
    stationClass: p.class,
    areaKm2: p.areaKm2 ?? 0,
    // (map features drop null properties: read missing ones as null)
    capKm2: p.capKm2 ?? null,
    latestArrivalS: p.latestArrivalS ?? null,
    overCap: p.overCap,
    crossesBarrier: p.barriersCrossed !== '',
    checks,
  };
}

function mapFeatures<P>(fc: FeatureCollection, f: (p: P, i: number) => Props): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((feat: Feature<Geometry, Props | null>, i) => ({ ...feat, properties: { ...feat.properties, ...f((feat.properties ?? {}) as P, i) } })),
  };
}

/** Returns the layer with `fc_*` style properties added. */
export function normalizeLayer(name: string, fc: FeatureCollection, bandsS: number[]): FeatureCollection {
  switch (name) {
    case 'service_areas':
      // Only the band polygons are drawn as bands; per-station areas and the union stay in the data for popups.
      return mapFeatures<ServiceAreaProperties>(fc, (p) => ({ fc_band: bandIndex(p, bandsS), fc_is_band: p.kind === 'band' }));
    case 'districts': {
      const ids = new Map<string, number>();
      return mapFeatures<DistrictFeatureProperties>(fc, (p) => {
        const row = districtRow(p);
        if (!ids.has(row.stationId)) ids.set(row.stationId, ids.size);
        return {
          fc_station: row.stationId,
          fc_colour: ids.get(row.stationId)! % 8,
          fc_area: Math.round(row.areaKm2 * 10) / 10,
          fc_cap: row.capKm2 ?? -1,
          fc_bad: row.overCap || row.crossesBarrier,
          fc_areacap: `${row.areaKm2.toFixed(1)} / ${row.capKm2 === null ? '–' : row.capKm2} km²`,
        };
      });
    }
    case 'stations':
    case 'candidates':
      return mapFeatures<CandidateFeatureProperties>(fc, (p) => ({ fc_status: STATUSES.includes(p.status) ? p.status : 'existing', fc_class: p.class ?? '' }));
    case 'hydrants':
      return mapFeatures<HydrantFeatureProperties>(fc, (p) => ({ fc_status: p.status, fc_ok: p.compliance === 'counts' }));
    case 'gaps':
      return mapFeatures<GapFeatureProperties>(fc, (p) => ({ fc_id: gapId(p) }));
    default:
      return fc;
  }
}

/** "late-1", "unreachable-2": a gap's kind and rank. */
function gapId(p: Pick<GapFeatureProperties, 'kind' | 'rank'>): string {
  return `${p.kind}-${p.rank}`;
}

/** Districts table rows from the districts layer. */
export function districtRows(fc: FeatureCollection | undefined): DistrictRow[] {
  if (!fc) return [];
  return fc.features.map((f) => districtRow(f.properties as DistrictFeatureProperties));
}

/** The largest gap features first: [{id, areaKm2, props}]. */
export function topGaps(fc: FeatureCollection | undefined, n: number): { id: string; areaKm2: number; props: Props }[] {
  if (!fc) return [];
  return fc.features
    .map((f) => {
      const p = f.properties as GapFeatureProperties;
      return { id: gapId(p), areaKm2: p.areaKm2 ?? 0, props: f.properties ?? {} };
    })
    .sort((a, b) => b.areaKm2 - a.areaKm2)
    .slice(0, n);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export function encodeLayer(fc: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(fc));
}
export function decodeLayer(bytes: Uint8Array): FeatureCollection {
  return JSON.parse(decoder.decode(bytes)) as FeatureCollection;
}

interface CheckLine {
  value: unknown;
  limit: unknown;
  pass: boolean | null;
  clause: string;
}

const CHECK_TEXT: Record<string, { en: string; zh: string }> = {
  areaKm2: { en: 'district area within its cap', zh: '辖区面积不超过上限' },
  latestArrivalS: { en: 'district edge reached within the standard', zh: '标准时间内到达辖区边缘' },
  barriers: { en: 'district does not cross an expressway, railway or large river', zh: '辖区不跨越快速路、铁路或较大河流' },
  marginalised: { en: 'station near its district centre', zh: '消防站位于辖区适中位置' },
};

/** Districts table rows from `coverageSummary().districts` (checks with value, limit, clause), or null. */
export function districtRowsFromSummary(summary: Record<string, unknown> | null | undefined): DistrictRow[] | null {
  const list = summary?.districts;
  if (!Array.isArray(list)) return null;
  return (list as Props[]).map((d) => {
    const area = d.areaKm2 as CheckLine;
    const arrival = d.latestArrivalS as CheckLine;
    const barriers = d.barriers as CheckLine & { crossed?: { kind: string; name: string | null; nameZh?: string | null; id: string }[] };
    const checks: Check[] = [];
    for (const [name, c] of [['areaKm2', area], ['latestArrivalS', arrival], ['barriers', barriers], ['marginalised', d.marginalised as CheckLine]] as const) {
      if (!c || c.pass === null || c.pass === undefined) continue;
      let en = CHECK_TEXT[name].en;
      let zh = CHECK_TEXT[name].zh;
      if (name === 'barriers' && barriers.crossed?.length) {
        const list2 = barriers.crossed.map((x) => `${x.kind} ${x.name ?? x.id}`).join(', ');
        en += ` (crosses ${list2})`;
        zh += `（跨越 ${barriers.crossed.map((x) => `${x.kind} ${x.nameZh ?? x.name ?? x.id}`).join('、')}）`;
      }
      checks.push({ name, ok: c.pass, clause: c.clause, en, zh });
    }
    return {
      stationId: String(d.stationId),
      name: String(d.name),
      nameZh: (d.nameZh as string | null) ?? undefined,
      stationClass: String(d.class ?? ''),
      areaKm2: typeof area?.value === 'number' ? area.value : 0,
      capKm2: typeof area?.limit === 'number' ? area.limit : null,
      latestArrivalS: typeof arrival?.value === 'number' ? arrival.value : null,
      overCap: area?.pass === false,
      crossesBarrier: barriers?.pass === false,
      checks,
    };
  });
}

/** Gap list from `coverageSummary().gaps` (late zones, then unreachable ones, largest first), or null. */
export function gapsFromSummary(summary: Record<string, unknown> | null | undefined): { id: string; label: string; areaKm2: number; centroid: [number, number] | null; detail: string }[] | null {
  const g = summary?.gaps as { late?: Props[]; unreachable?: Props[] } | undefined;
  if (!g || !Array.isArray(g.late)) return null;
  const all = [...g.late, ...(g.unreachable ?? [])];
  return all
    .map((z) => ({
      id: `${String(z.kind)}-${String(z.rank)}`,
      label: `${z.kind === 'unreachable' ? '⊘' : '⏱'} ${String(z.kind)} #${String(z.rank)}`,
      areaKm2: typeof z.areaKm2 === 'number' ? z.areaKm2 : 0,
      centroid: Array.isArray(z.centroid) ? (z.centroid as [number, number]) : null,
      detail: [z.reason, typeof z.maxArrivalS === 'number' ? `≤ ${(z.maxArrivalS / 60).toFixed(1)} min` : '', z.nearestStationId ? `→ ${String(z.nearestStationId)}` : ''].filter(Boolean).join(' · '),
    }))
    .sort((a, b) => b.areaKm2 - a.areaKm2);
}
