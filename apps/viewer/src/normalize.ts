import type { Feature, FeatureCollection } from 'geojson';
import type { Check, DistrictRow } from './model';

/**
 * Adds `fc_*` properties the map style reads, whatever the exact property names the analyses write
 * (one place to adapt when they change). Runs in the worker, and on the page for analyze output folders.
 */

type Props = Record<string, unknown>;

function num(p: Props, ...keys: string[]): number | null {
  for (const k of keys) {
    const v = p[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return null;
}

function bool(p: Props, ...keys: string[]): boolean | null {
  for (const k of keys) {
    const v = p[k];
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 1) return true;
    if (v === 'false' || v === 0) return false;
  }
  return null;
}

function str(p: Props, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = p[k];
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return null;
}

/** Band index 0..bandsS.length for an arrival-time polygon. */
export function bandIndex(p: Props, bandsS: number[]): number {
  let upperS = num(p, 'upToS', 'maxS', 'upperS', 'bandMaxS', 'toS', 'limitS', 'thresholdS', 'bandS', 'arrivalS', 'timeS');
  if (upperS === null) {
    const min = num(p, 'maxMin', 'minutes', 'bandMin');
    if (min !== null) upperS = min * 60;
  }
  if (upperS !== null) {
    if (!Number.isFinite(upperS)) return bandsS.length;
    for (let i = 0; i < bandsS.length; i++) if (upperS <= bandsS[i] + 1e-6) return i;
    return bandsS.length;
  }
  const b = num(p, 'band', 'bandIndex');
  if (b !== null) return Math.max(0, Math.min(bandsS.length, Math.round(b)));
  return bandsS.length;
}

const STATUSES = ['existing', 'under_construction', 'planned', 'candidate'];

function checksOf(p: Props): Check[] {
  const raw = p.checks;
  let list: unknown = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      list = [];
    }
  }
  if (Array.isArray(list)) {
    return list
      .filter((c): c is Props => typeof c === 'object' && c !== null)
      .map((c) => ({
        name: str(c, 'name', 'id', 'rule') ?? '?',
        ok: bool(c, 'ok', 'pass', 'passed') ?? false,
        clause: str(c, 'clause') ?? undefined,
        en: str(c, 'en', 'message', 'detail') ?? undefined,
        zh: str(c, 'zh', 'messageZh', 'detailZh') ?? undefined,
      }));
  }
  if (list && typeof list === 'object') {
    return Object.entries(list as Props).map(([name, v]) => {
      const c = (typeof v === 'object' && v !== null ? v : { ok: v }) as Props;
      return { name, ok: bool(c, 'ok', 'pass') ?? false, clause: str(c, 'clause') ?? undefined, en: str(c, 'en') ?? undefined, zh: str(c, 'zh') ?? undefined };
    });
  }
  return [];
}

export function districtRow(p: Props): DistrictRow {
  const areaKm2 = num(p, 'areaKm2', 'area_km2') ?? 0;
  const capKm2 = num(p, 'capKm2', 'areaCapKm2', 'cap_km2');
  const checks = checksOf(p);
  if (checks.length === 0 && typeof p.capClause === 'string') {
    checks.push({ name: 'area', ok: p.overCap !== true, clause: p.capClause });
    if (typeof p.edgeWithinStandard === 'boolean') checks.push({ name: 'arrival', ok: p.edgeWithinStandard, clause: str(p, 'responseClause') ?? undefined });
    if (typeof p.barriersCrossed === 'string') checks.push({ name: 'barriers', ok: p.barriersCrossed === '', clause: str(p, 'barrierClause') ?? undefined, en: p.barriersCrossed || undefined });
    if (typeof p.marginalised === 'boolean') checks.push({ name: 'centre', ok: !p.marginalised, clause: str(p, 'marginalClause') ?? undefined });
  }
  const findCheck = (re: RegExp) => checks.find((c) => re.test(c.name));
  const overCap = bool(p, 'overCap', 'overArea', 'areaExceeded') ?? (findCheck(/area|cap/i) ? !findCheck(/area|cap/i)!.ok : capKm2 !== null && areaKm2 > capKm2);
  const crossesBarrier = bool(p, 'crossesBarrier', 'crossesBarriers', 'barrierCrossed') ?? (findCheck(/barrier/i) ? !findCheck(/barrier/i)!.ok : false);
  return {
    stationId: str(p, 'stationId', 'station', 'id') ?? '?',
    name: str(p, 'stationName', 'name') ?? str(p, 'stationId', 'id') ?? '?',
    nameZh: str(p, 'stationNameZh', 'nameZh') ?? undefined,
    stationClass: str(p, 'stationClass', 'class') ?? undefined,
    // (layer rows: the checks above; summary rows: see districtRowsFromSummary)
    areaKm2,
    capKm2,
    latestArrivalS: num(p, 'latestArrivalS', 'maxArrivalS', 'edgeArrivalS', 'maxS'),
    overCap,
    crossesBarrier,
    checks,
  };
}

function mapFeatures(fc: FeatureCollection, f: (p: Props, i: number, feat: Feature) => Props): FeatureCollection {
  return { type: 'FeatureCollection', features: fc.features.map((feat, i) => ({ ...feat, properties: { ...feat.properties, ...f(feat.properties ?? {}, i, feat) } })) };
}

/** Returns the layer with `fc_*` style properties added. */
export function normalizeLayer(name: string, fc: FeatureCollection, bandsS: number[]): FeatureCollection {
  switch (name) {
    case 'service_areas':
      // Only the band polygons are drawn as bands; per-station areas and the union stay in the data for popups.
      return mapFeatures(fc, (p) => ({ fc_band: bandIndex(p, bandsS), fc_is_band: p.kind === undefined || p.kind === 'band' }));
    case 'districts': {
      const ids = new Map<string, number>();
      return mapFeatures(fc, (p) => {
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
      return mapFeatures(fc, (p) => {
        const s = str(p, 'status') ?? (name === 'candidates' ? 'candidate' : 'existing');
        return { fc_status: STATUSES.includes(s) ? s : 'existing', fc_class: str(p, 'class', 'stationClass') ?? '' };
      });
    case 'hydrants':
      return mapFeatures(fc, (p) => ({
        fc_status: str(p, 'status') ?? 'unknown',
        fc_ok: p.compliance !== undefined ? p.compliance === 'counts' : (bool(p, 'compliant', 'ok', 'counts', 'valid') ?? (str(p, 'status') ?? 'unknown') === 'working'),
      }));
    case 'gaps':
      return mapFeatures(fc, (p, i) => ({ fc_id: p.kind && p.rank ? `${String(p.kind)}-${String(p.rank)}` : (str(p, 'id') ?? `#${i + 1}`) }));
    default:
      return fc;
  }
}

/** Districts table rows from the districts layer. */
export function districtRows(fc: FeatureCollection | undefined): DistrictRow[] {
  if (!fc) return [];
  return fc.features.map((f) => districtRow(f.properties ?? {}));
}

/** Area of the largest gap features first: [{id, areaKm2, props}]. */
export function topGaps(fc: FeatureCollection | undefined, n: number): { id: string; areaKm2: number; props: Props }[] {
  if (!fc) return [];
  return fc.features
    .map((f, i) => ({ id: str(f.properties ?? {}, 'id', 'gapId') ?? `#${i + 1}`, areaKm2: num(f.properties ?? {}, 'areaKm2', 'area_km2') ?? 0, props: f.properties ?? {} }))
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
