import { CsvReader } from '../io/csv_reader';
import { InputError } from '../input_error';
import { costMatrixFromEntries, type CostEntry, type CostMatrix } from './cost_matrix';

/** Column names of a long-format cost table (one facility–demand pair a row). */
export interface MatrixColumns {
  facilityColumn: string;
  demandColumn: string;
  costColumn: string;
  /** Optional column marking facilities forced open (1/true); read from the first row of each facility. */
  fixedColumn?: string;
}

/** Column names of a demand-weight table joined on a demand id. */
export interface WeightColumns {
  idColumn: string;
  weightColumn: string;
}

/** A CSV table with a header: the reader on the first data row and the column index of each name. */
function openCsv(text: Uint8Array | string, file: string): { r: CsvReader; fields: string[]; col: (name: string) => number } | null {
  const r = new CsvReader(text, file);
  if (!r.next()) throw new InputError({ file, line: 1 }, 'the table is empty (a header line is required)', '表为空（需要标题行）');
  const fields: string[] = [];
  for (let i = 0; i < r.fieldCount; i++) fields.push(r.text(i).trim());
  const col = (name: string): number => {
    const i = fields.indexOf(name);
    if (i < 0) throw new InputError({ file, line: r.line }, `column "${name}" not found (the header line has ${fields.length} columns)`, `找不到列“${name}”（标题行共 ${fields.length} 列）`);
    return i;
  };
  return r.next() ? { r, fields, col } : null;
}

/**
 * A precomputed facility–demand cost table (long format, one pair a row, CSV) with optional demand
 * weights from a second table joined on an id column: how published fixtures (spopt's San Francisco
 * network distances) are read. Without weights every demand point weighs 1. Facilities and demand
 * points are listed in order of first appearance (weights file first, for demand).
 */
export function costMatrixFromTables(
  matrixText: Uint8Array | string,
  matrixFile: string,
  columns: MatrixColumns,
  weights?: { text: Uint8Array | string; file: string; columns: WeightColumns },
): CostMatrix {
  const matrix = openCsv(matrixText, matrixFile);
  if (!matrix) throw new InputError({ file: matrixFile, line: 1 }, 'the table has a header but no rows', '表只有标题行，没有数据');
  const fCol = matrix.col(columns.facilityColumn);
  const dCol = matrix.col(columns.demandColumn);
  const cCol = matrix.col(columns.costColumn);
  const xCol = columns.fixedColumn ? matrix.col(columns.fixedColumn) : -1;
  const facilityIndex = new Map<string, number>();
  const demandIndex = new Map<string, number>();
  const weight: number[] = [];
  const fixed = new Set<number>();
  if (weights) {
    const w = openCsv(weights.text, weights.file);
    if (w) {
      const idCol = w.col(weights.columns.idColumn);
      const wCol = w.col(weights.columns.weightColumn);
      do {
        const id = w.r.text(idCol).trim();
        const value = w.r.number(wCol);
        if (!(value >= 0 && value < Infinity)) throw new InputError({ file: weights.file, line: w.r.line }, `weight "${w.r.text(wCol).trim()}" is not a number ≥ 0`, `权重“${w.r.text(wCol).trim()}”不是不小于0的数值`);
        if (demandIndex.has(id)) throw new InputError({ file: weights.file, line: w.r.line }, `demand id "${id}" appears twice`, `需求点编号“${id}”重复`);
        demandIndex.set(id, weight.length);
        weight.push(value);
      } while (w.r.next());
    }
  }
  const entries: CostEntry[] = [];
  const r = matrix.r;
  do {
    const f = r.text(fCol).trim();
    const d = r.text(dCol).trim();
    const c = r.number(cCol);
    if (!(c >= 0)) throw new InputError({ file: matrixFile, line: r.line }, `cost "${r.text(cCol).trim()}" is not a number ≥ 0`, `成本“${r.text(cCol).trim()}”不是不小于0的数值`);
    let fi = facilityIndex.get(f);
    if (fi === undefined) {
      fi = facilityIndex.size;
      facilityIndex.set(f, fi);
      if (xCol >= 0 && ['1', 'true', 'yes'].includes(r.text(xCol).trim().toLowerCase())) fixed.add(fi);
    }
    let di = demandIndex.get(d);
    if (di === undefined) {
      if (weights) throw new InputError({ file: matrixFile, line: r.line }, `demand "${d}" has no weight in ${weights.file}`, `需求点“${d}”在 ${weights.file} 中没有权重`);
      di = demandIndex.size;
      demandIndex.set(d, di);
      weight.push(1);
    }
    entries.push({ facility: fi, demand: di, cost: c });
  } while (r.next());
  return costMatrixFromEntries([...facilityIndex.keys()], [...demandIndex.keys()], weight, entries, fixed);
}
