import type { DistrictRow } from '../model';

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The districts table as CSV (UTF-8 with a byte-order mark so spreadsheet programs read the Chinese
 * names): one row per district, figures with units in the header, each check as ok/fail with its clause.
 */
export function districtsCsv(rows: DistrictRow[]): string {
  const checkNames = [...new Set(rows.flatMap((r) => r.checks.map((c) => c.name)))];
  const header = ['station_id', 'name', 'name_zh', 'class', 'area_km2', 'cap_km2', 'latest_arrival_s', 'over_cap', 'crosses_barrier', ...checkNames.flatMap((n) => [`${n}_ok`, `${n}_clause`])];
  const lines = [header.map(cell).join(',')];
  for (const r of rows) {
    const checks = checkNames.flatMap((n) => {
      const c = r.checks.find((x) => x.name === n);
      return c ? [c.ok ? 'ok' : 'fail', c.clause ?? ''] : ['', ''];
    });
    lines.push(
      [r.stationId, r.name, r.nameZh ?? '', r.stationClass ?? '', r.areaKm2.toFixed(3), r.capKm2 ?? '', r.latestArrivalS === null ? '' : Math.round(r.latestArrivalS), r.overCap, r.crossesBarrier, ...checks]
        .map(cell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function download(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}
