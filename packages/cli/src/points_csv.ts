/**
 * A CSV of points (addresses, incidents): a header naming the columns `id`, `lon`, `lat` (any order,
 * any case, other columns ignored), then one point a line. Fields may be quoted (RFC 4180, no line
 * breaks inside quotes); blank lines are skipped. Every mistake is an error naming the file and line.
 */

export interface CsvPoint {
  id: string;
  lon: number;
  lat: number;
  /** 1-based line in the file. */
  line: number;
}

type MakeError = (where: { file: string; line?: number }, en: string, zh: string) => Error;

/** Splits one CSV line into fields; null when a quote is not closed. */
export function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i++];
      }
      // text after the closing quote up to the comma is kept as written
      while (i < line.length && line[i] !== ',') field += line[i++];
    } else {
      while (i < line.length && line[i] !== ',') field += line[i++];
    }
    out.push(field.trim());
    if (i >= line.length) return out;
    i++; // the comma
  }
}

export function parsePointsCsv(text: string, file: string, makeError: MakeError): CsvPoint[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let headerLine = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '') {
      headerLine = i;
      break;
    }
  }
  if (headerLine < 0) throw makeError({ file }, 'the file is empty (expected a header id,lon,lat and one point a line)', '文件为空（应有表头 id,lon,lat，每行一个点）');
  const header = (splitCsvLine(lines[headerLine]) ?? []).map((h) => h.toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const [iId, iLon, iLat] = [col('id'), col('lon'), col('lat')];
  if (iId < 0 || iLon < 0 || iLat < 0) {
    const missing = ['id', 'lon', 'lat'].filter((c) => col(c) < 0).join(', ');
    throw makeError(
      { file, line: headerLine + 1 },
      `expected a header with the columns id,lon,lat (missing: ${missing})`,
      `应为包含 id,lon,lat 列的表头（缺少：${missing}）`,
    );
  }
  const points: CsvPoint[] = [];
  const seen = new Map<string, number>();
  for (let i = headerLine + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const line = i + 1;
    const f = splitCsvLine(lines[i]);
    if (!f) throw makeError({ file, line }, 'a quoted field is not closed', '引号字段未闭合');
    if (f.length < header.length) throw makeError({ file, line }, `expected ${header.length} fields like the header, got ${f.length}`, `应与表头一样有 ${header.length} 个字段，实际为 ${f.length} 个`);
    const id = f[iId];
    if (id === '') throw makeError({ file, line }, 'the id is empty', 'id 为空');
    const lon = f[iLon] === '' ? NaN : Number(f[iLon]);
    const lat = f[iLat] === '' ? NaN : Number(f[iLat]);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw makeError({ file, line }, `lon and lat must be numbers in decimal degrees, got "${f[iLon]}", "${f[iLat]}"`, `lon 与 lat 应为十进制度数，实际为 "${f[iLon]}"、"${f[iLat]}"`);
    }
    if (lat < -90 || lat > 90) {
      const hint = lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180;
      throw makeError(
        { file, line },
        `latitude ${lat} is out of range (-90..90)${hint ? ': lon and lat look swapped' : ''}`,
        `纬度 ${lat} 超出范围（-90..90）${hint ? '：lon 与 lat 似乎写反了' : ''}`,
      );
    }
    if (lon < -180 || lon > 180) throw makeError({ file, line }, `longitude ${lon} is out of range (-180..180)`, `经度 ${lon} 超出范围（-180..180）`);
    const first = seen.get(id);
    if (first !== undefined) throw makeError({ file, line }, `duplicate id "${id}" (also on line ${first})`, `id "${id}" 重复（第 ${first} 行已有）`);
    seen.set(id, line);
    points.push({ id, lon, lat, line });
  }
  if (points.length === 0) throw makeError({ file, line: headerLine + 1 }, 'no points after the header', '表头之后没有点');
  return points;
}
