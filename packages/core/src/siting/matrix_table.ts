import Papa from 'papaparse';
import { InputError } from '../input_error';
import { costMatrixFromEntries, type CostEntry, type CostMatrix } from './cost_matrix';

export interface MatrixColumns {
  facilityColumn: string;
  demandColumn: string;
  costColumn: string;
  /** Optional column marking facilities forced open (1/true); read from the first row of each facility. */
  fixedColumn?: string;
}

export interface WeightColumns {
  idColumn: string;
  weightColumn: string;
}

function parseCsv(text: string, file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const bad = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code !== 'TooFewFields');
  if (bad) throw new InputError({ file, line: (bad.row ?? 0) + 2 }, `CSV: ${bad.message}`, `CSV 格式错误：${bad.message}`);
  return parsed.data;
}

function need(fields: readonly string[] | undefined, col: string, file: string): void {
  if (!fields?.includes(col)) {
    throw new InputError({ file, line: 1 }, `column "${col}" not found (columns: ${(fields ?? []).join(', ')})`, `找不到列“${col}”（现有列：${(fields ?? []).join('、')}）`);
  }
}

/**
 * A precomputed facility–demand cost table (long format, one pair a row, CSV) with optional demand
 * weights from a second table joined on an id column: how published fixtures (spopt's San Francisco
 * network distances) are read. Without weights every demand point weighs 1. Facilities and demand
 * points are listed in order of first appearance (weights file first, for demand).
 */
export function costMatrixFromTables(
  matrixText: string,
  matrixFile: string,
  columns: MatrixColumns,
  weights?: { text: string; file: string; columns: WeightColumns },
): CostMatrix {
  const rows = parseCsv(matrixText, matrixFile);
  const fields = Papa.parse<string[]>(matrixText.replace(/^\uFEFF/, ''), { preview: 1 }).data[0];
  for (const c of [columns.facilityColumn, columns.demandColumn, columns.costColumn, ...(columns.fixedColumn ? [columns.fixedColumn] : [])]) need(fields, c, matrixFile);
  const facilityIndex = new Map<string, number>();
  const demandIndex = new Map<string, number>();
  const weight: number[] = [];
  const fixed = new Set<number>();
  if (weights) {
    const wRows = parseCsv(weights.text, weights.file);
    const wFields = Papa.parse<string[]>(weights.text.replace(/^\uFEFF/, ''), { preview: 1 }).data[0];
    need(wFields, weights.columns.idColumn, weights.file);
    need(wFields, weights.columns.weightColumn, weights.file);
    wRows.forEach((r, i) => {
      const id = r[weights.columns.idColumn];
      const w = Number(r[weights.columns.weightColumn]);
      if (!(w >= 0 && w < Infinity)) throw new InputError({ file: weights.file, line: i + 2 }, `weight "${r[weights.columns.weightColumn]}" is not a number ≥ 0`, `权重“${r[weights.columns.weightColumn]}”不是不小于0的数值`);
      if (demandIndex.has(id)) throw new InputError({ file: weights.file, line: i + 2 }, `demand id "${id}" appears twice`, `需求点编号“${id}”重复`);
      demandIndex.set(id, weight.length);
      weight.push(w);
    });
  }
  const entries: CostEntry[] = [];
  rows.forEach((r, i) => {
    const f = r[columns.facilityColumn];
    const d = r[columns.demandColumn];
    const c = Number(r[columns.costColumn]);
    if (!(c >= 0)) throw new InputError({ file: matrixFile, line: i + 2 }, `cost "${r[columns.costColumn]}" is not a number ≥ 0`, `成本“${r[columns.costColumn]}”不是不小于0的数值`);
    let fi = facilityIndex.get(f);
    if (fi === undefined) {
      fi = facilityIndex.size;
      facilityIndex.set(f, fi);
      if (columns.fixedColumn && ['1', 'true', 'yes'].includes(String(r[columns.fixedColumn]).trim().toLowerCase())) fixed.add(fi);
    }
    let di = demandIndex.get(d);
    if (di === undefined) {
      if (weights) throw new InputError({ file: matrixFile, line: i + 2 }, `demand "${d}" has no weight in ${weights.file}`, `需求点“${d}”在 ${weights.file} 中没有权重`);
      di = demandIndex.size;
      demandIndex.set(d, di);
      weight.push(1);
    }
    entries.push({ facility: fi, demand: di, cost: c });
  });
  return costMatrixFromEntries([...facilityIndex.keys()], [...demandIndex.keys()], weight, entries, fixed);
}
