import type { CoverageByHour, CoverageSummary, WaterFigures } from '@firecover/core';
import { csvField } from './format';
import { waterTableRows } from './water_text';

/**
 * The CSV tables `analyze` and `hydrants` write. Column names are English and fixed, every name is given
 * in English and Chinese (`name`, `name_zh`), so the bytes do not depend on `--lang` (like the GeoJSON
 * layers) and a spreadsheet can show either. Only core types are imported: the caller passes the
 * loaded core module in, so `--help` stays fast.
 */

/** A cell: empty for null, formula-neutralised and quoted as needed (`csvField`). */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  return csvField(typeof v === 'boolean' ? String(v) : v);
}

/**
 * A table for spreadsheets: UTF-8 with a byte-order mark, without which Excel on a Chinese Windows reads
 * the Chinese names as the local code page and garbles them. (Data-exchange CSVs — reach, export-graph —
 * carry no mark: pgRouting's COPY and most parsers would take it for part of the first column name.)
 */
export function csvText(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** `districts.csv`: one row per district, each check with its value, limit, result and clause. */
export function districtsCsv(s: CoverageSummary): string {
  const rows: (string | number | boolean | null)[][] = [
    [
      'station_id', 'name', 'name_zh', 'class',
      'area_km2', 'cap_km2', 'area_ok', 'area_clause',
      'latest_arrival_s', 'response_s', 'edge_ok', 'edge_clause', 'late_km2',
      'barriers_crossed', 'barriers_crossed_zh', 'barriers_ok', 'barrier_clause',
      'station_offset_m', 'equivalent_radius_m', 'marginalised', 'marginal_clause',
      'demand',
    ],
  ];
  for (const d of s.districts) {
    rows.push([
      d.stationId, d.name, d.nameZh ?? d.name, d.class,
      d.areaKm2.value as number | null, d.areaKm2.limit, d.areaKm2.pass, d.areaKm2.clause,
      d.latestArrivalS.value as number | null, d.latestArrivalS.limit, d.latestArrivalS.pass, d.latestArrivalS.clause, d.lateAreaKm2,
      crossed(d.barriers.crossed, (b) => b.name), crossed(d.barriers.crossed, (b) => b.nameZh ?? b.name), d.barriers.pass, d.barriers.clause,
      d.marginalised.stationOffsetM, d.marginalised.equivalentRadiusM, d.marginalised.value as boolean | null, d.marginalised.clause,
      d.demand,
    ]);
  }
  return csvText(rows);
}

type Crossed = CoverageSummary['districts'][number]['barriers']['crossed'][number];

/** "B1 name (2371.6 m); B3 …" */
function crossed(list: readonly Crossed[], name: (b: Crossed) => string | null): string {
  return list.map((b) => `${b.id}${name(b) ? ` ${name(b)}` : ''} (${b.lengthM ?? '?'} m)`).join('; ');
}

/**
 * `hydrant_districts.csv`: the per-district water table (English column names) with a `name_zh` column
 * after `name`.
 */
export function hydrantDistrictsCsv(w: Pick<WaterFigures, 'districts' | 'total'>): string {
  const en = waterTableRows(w, 'en');
  const rows = [...w.districts, w.total];
  const nameCol = en[0].indexOf('name');
  return csvText(en.map((r, i) => [...r.slice(0, nameCol + 1), i === 0 ? 'name_zh' : (rows[i - 1].nameZh ?? rows[i - 1].name), ...r.slice(nameCol + 1)]));
}

/** `coverage_by_hour.csv`: one row per hour asked for, the coverage with that hour's speeds. */
export function coverageByHourCsv(b: CoverageByHour): string {
  const r = (x: number | null, d: number): number | null => (x === null ? null : Number(x.toFixed(d)));
  const rows: (string | number | boolean | null)[][] = [
    ['hour', 'period', 'land_covered_km2', 'land_share_pct', 'demand_covered', 'demand_share_pct', 'road_reached_km', 'road_share_pct', 'response_s', 'response_clause', 'speed_source', 'speed_clause'],
  ];
  for (const h of b.hours) {
    rows.push([h.hour, h.period, r(h.landCoveredKm2, 3), r(h.landShare * 100, 2), r(h.demandCovered, 1), h.demandShare === null ? null : r(h.demandShare * 100, 2), r(h.roadReachedM / 1000, 3), r(h.roadShare * 100, 2), b.responseS, b.responseClause, b.profileSource, b.profileClause]);
  }
  return csvText(rows);
}
