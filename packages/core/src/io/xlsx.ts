import { unzipSync, strFromU8 } from 'fflate';
import { briefText } from './brief_value';
import { SaxesParser } from 'saxes';
import { InputError } from '../input_error';

/**
 * The cell values of one worksheet of an Excel `.xlsx` workbook (Office Open XML: a zip of XML parts),
 * read with fflate and saxes so that it runs in Node and in a browser worker. Shared strings, inline
 * strings, numbers and booleans are read; formulas give their cached value; dates stay serial numbers.
 * `sheet` is a sheet name (default: the first sheet in the workbook's order).
 *
 * Returns rows of cells (`string | number | boolean | null`), row 0 being the sheet's first row, with
 * `rowNumbers[i]` the Excel row number of `rows[i]` (for messages).
 */
export interface SheetRows {
  sheet: string;
  rows: (string | number | boolean | null)[][];
  rowNumbers: number[];
}

/** Deflate expands at most 1032-fold; a workbook part is one XML string, which V8 caps near 512 MiB. */
const DEFLATE_MAX_RATIO = 1032;
const MAX_PART_BYTES = 512 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 100_000;
const MAX_COLUMNS = 16_384;

function damagedZip(file: string, what: string, whatZh: string): InputError {
  return new InputError({ file }, `the workbook's zip structure is damaged (${what})`, `工作簿的 zip 结构已损坏（${whatZh}）`);
}

/** The rows of the first (or the named) sheet of an `.xlsx` workbook, shared strings and numbers resolved. */
export function readXlsxSheet(bytes: Uint8Array, file: string, sheet?: string): SheetRows {
  let parts: Record<string, Uint8Array>;
  let entries = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        // The zip's own sizes are checked before fflate allocates by them: a damaged size word would
        // otherwise claim gigabytes, a damaged entry count billions of entries.
        if (++entries > MAX_ZIP_ENTRIES) throw damagedZip(file, `more than ${MAX_ZIP_ENTRIES} entries`, `条目超过 ${MAX_ZIP_ENTRIES} 个`);
        if (f.size > bytes.length) throw damagedZip(file, `an entry of ${f.size} bytes in a file of ${bytes.length}`, `条目 ${f.size} 字节超出文件长度 ${bytes.length}`);
        const most = f.compression === 0 ? f.size : Math.min(MAX_PART_BYTES, f.size * DEFLATE_MAX_RATIO + 1024);
        if (f.originalSize > most) throw damagedZip(file, `an entry claims ${f.originalSize} bytes from ${f.size} compressed`, `条目声称由 ${f.size} 字节解压为 ${f.originalSize} 字节`);
        return (f.name.startsWith('xl/') && f.name.endsWith('.xml')) || f.name.endsWith('.rels');
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file }, `not an Excel .xlsx workbook (${(e as Error).message}); save it as .xlsx (not .xls)`, `不是 Excel .xlsx 工作簿（${(e as Error).message}）；请另存为 .xlsx 格式（而非 .xls）`);
  }
  const workbook = parts['xl/workbook.xml'];
  if (!workbook) throw new InputError({ file }, 'not an Excel .xlsx workbook (no xl/workbook.xml)', '不是 Excel .xlsx 工作簿（缺少 xl/workbook.xml）');

  const sheets: { name: string; rid: string }[] = [];
  walk(strFromU8(workbook), file, {
    open: (name, attrs) => {
      if (name === 'sheet') sheets.push({ name: attrs.name ?? '', rid: attrs['r:id'] ?? '' });
    },
  });
  if (sheets.length === 0) throw new InputError({ file }, 'the workbook has no sheet', '工作簿中没有工作表');
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen) {
    const names = sheets.slice(0, 20).map((s) => briefText(s.name)).join(', ') + (sheets.length > 20 ? ', …' : '');
    throw new InputError({ file }, `no sheet named "${sheet}" (sheets: ${names})`, `没有名为“${sheet}”的工作表（现有：${names}）`);
  }

  const targets = new Map<string, string>();
  const rels = parts['xl/_rels/workbook.xml.rels'];
  if (rels) {
    walk(strFromU8(rels), file, {
      open: (name, a) => {
        if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
      },
    });
  }
  const target = targets.get(chosen.rid) ?? `worksheets/sheet${sheets.indexOf(chosen) + 1}.xml`;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheetXml = parts[path];
  if (!sheetXml) throw new InputError({ file }, `sheet "${briefText(chosen.name)}" is missing from the workbook (${briefText(path)})`, `工作簿中缺少工作表“${briefText(chosen.name)}”（${briefText(path)}）`);

  const shared = sharedStrings(parts['xl/sharedStrings.xml'], file);

  const rows: (string | number | boolean | null)[][] = [];
  const rowNumbers: number[] = [];
  let row: (string | number | boolean | null)[] | null = null;
  let cell: { col: number; type: string } | null = null;
  let text = '';
  let inValue = false;
  let nextCol = 0;
  walk(strFromU8(sheetXml), file, {
    open: (name, a) => {
      if (name === 'row') {
        row = [];
        nextCol = 0;
        rows.push(row);
        rowNumbers.push(a.r ? Number(a.r) : rowNumbers.length === 0 ? 1 : rowNumbers[rowNumbers.length - 1] + 1);
      } else if (name === 'c') {
        const col = a.r ? columnIndex(a.r) : nextCol;
        // Excel's last column is XFD (16,384): a damaged reference must not make a row of billions of cells.
        if (col >= MAX_COLUMNS) throw new InputError({ file }, `a cell reference lies beyond Excel's last column XFD ("${briefText(a.r ?? '')}")`, `单元格引用超出 Excel 的最后一列 XFD（“${briefText(a.r ?? '')}”）`);
        cell = { col, type: a.t ?? 'n' };
        nextCol = col + 1;
        text = '';
      } else if ((name === 'v' || name === 't') && cell) {
        inValue = true;
      }
    },
    text: (t) => {
      if (inValue) text += t;
    },
    close: (name) => {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'c' && cell && row) {
        let value: string | number | boolean | null = null;
        if (text !== '' || cell.type === 'inlineStr' || cell.type === 'str') {
          if (cell.type === 's') value = shared[Number(text)] ?? null;
          else if (cell.type === 'b') value = text === '1';
          else if (cell.type === 'inlineStr' || cell.type === 'str' || cell.type === 'e') value = text;
          else {
            const n = Number(text);
            value = Number.isFinite(n) ? n : text;
          }
        }
        while (row.length < cell.col) row.push(null);
        row[cell.col] = value;
        cell = null;
      }
    },
  });
  return { sheet: chosen.name, rows, rowNumbers };
}

function sharedStrings(xml: Uint8Array | undefined, file: string): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let cur = '';
  let inT = false;
  let depthRph = 0;
  walk(strFromU8(xml), file, {
    open: (name) => {
      if (name === 'si') cur = '';
      else if (name === 'rPh') depthRph++; // phonetic runs are not part of the value
      else if (name === 't' && depthRph === 0) inT = true;
    },
    text: (t) => {
      if (inT) cur += t;
    },
    close: (name) => {
      if (name === 't') inT = false;
      else if (name === 'rPh') depthRph--;
      else if (name === 'si') out.push(cur);
    },
  });
  return out;
}

/** "C12" → 2. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function walk(
  xml: string,
  file: string,
  on: { open?: (name: string, attrs: Record<string, string>) => void; text?: (t: string) => void; close?: (name: string) => void },
): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => on.open?.(localName(tag.name), tag.attributes as Record<string, string>));
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', (tag) => on.close!(localName(tag.name)));
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file }, `the workbook's XML is damaged: ${(e as Error).message}`, `工作簿的 XML 已损坏：${(e as Error).message}`);
  }
}

/** "x:row" → "row" (some writers prefix the spreadsheet namespace). */
function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name === 'r:id' ? name : name.slice(i + 1);
}
