import type { CliContext } from './command_module';
import { currentScope } from './cli_scope';

/**
 * `--out-crs` of `analyze` and `hydrants`: the GeoJSON layers written in the coordinates the user's web
 * map or CAD drawing needs (GCJ-02 for Amap, BD-09 for Baidu, a CGCS2000 Gauss–Krüger zone for CAD …).
 * Without it the layers stay WGS84, as before. Each reprojected layer carries a GeoJSON `crs` member
 * naming its system, so firecover (and GDAL for EPSG codes) reads it back right. Help text only here:
 * core is loaded when the option is used.
 */
export function outCrsHelp(ctx: CliContext): string {
  return ctx.lang === 'zh'
    ? '输出 GeoJSON 图层的坐标系：GCJ-02、BD-09、EPSG:4523 等（默认 WGS84；summary.json 与 CSV 不变）'
    : 'coordinate system of the GeoJSON layers written: GCJ-02, BD-09, EPSG:4523 … (default WGS84; summary.json and the CSV tables are unchanged)';
}

export function formatHelp(ctx: CliContext): string {
  return ctx.lang === 'zh'
    ? '图层文件格式：geojson（默认）、kml（Google Earth、奥维等；仅经纬度坐标系）或 shapefile（.shp/.shx/.dbf/.prj/.cpg）'
    : 'format of the layer files: geojson (default), kml (Google Earth and Chinese map viewers; lon/lat systems only) or shapefile (.shp/.shx/.dbf/.prj/.cpg)';
}

export function encodingHelp(ctx: CliContext): string {
  return ctx.lang === 'zh' ? 'Shapefile 属性文本编码：utf-8（默认）或 gbk（较早的中文 GIS）；仅与 --format shapefile 同用' : 'attribute text encoding of --format shapefile: utf-8 (default) or gbk (older Chinese GIS)';
}

/**
 * The files with every `.geojson` layer's positions transformed from WGS84 to `crsSpec`, and written as
 * KML (`name.kml`) when `format` is "kml", or as Shapefile sets when it is "shapefile" (see
 * `shapefileLayers`). A bad --out-crs, --format or --encoding is an InputError (exit 2).
 */
export async function layersInCrs<T extends { path: string; data: string }>(files: T[], crsSpec: string | undefined, format?: string, encoding?: string): Promise<(T | { path: string; data: string | Uint8Array })[]> {
  if (crsSpec === undefined && (format === undefined || format === 'geojson') && encoding === undefined) return files;
  const { resolveCrs, writeKml, InputError, shapefilePrj } = await import('@firecover/core');
  if (format !== undefined && format !== 'geojson' && format !== 'kml' && format !== 'shapefile') {
    throw new InputError({ file: '--format' }, `expected geojson, kml or shapefile, got "${format}"`, `应为 geojson、kml 或 shapefile，实际为“${format}”`);
  }
  const shpEncoding = shapefileEncoding(encoding, format, InputError);
  const crs = crsSpec === undefined ? undefined : resolveCrs(crsSpec, { file: '--out-crs' });
  if (format === 'shapefile') {
    const { prj, note } = shapefilePrj(crs);
    const projected = crs && !crs.identity ? ((await layersInCrs(files, crsSpec)) as T[]) : files;
    return shapefileLayers(projected, prj, shpEncoding, note);
  }
  if (format === 'kml' && crs && !crs.geographic) {
    throw new InputError({ file: '--out-crs' }, `KML holds longitude/latitude: ${crs.id} cannot be written as KML (use WGS84, GCJ-02 or BD-09, or --format geojson)`, `KML 只能存经纬度：${crs.id} 不能写成 KML（请用 WGS84、GCJ-02 或 BD-09，或 --format geojson）`);
  }
  if (format === 'kml') {
    const projected = crs && !crs.identity ? ((await layersInCrs(files, crsSpec)) as T[]) : files;
    return projected.map((f) => {
      if (!f.path.endsWith('.geojson')) return f;
      const name = f.path.replace(/^.*[\\/]/, '').replace(/\.geojson$/, '');
      return { ...f, path: f.path.replace(/\.geojson$/, '.kml'), data: writeKml(JSON.parse(f.data), name) };
    });
  }
  if (!crs || crs.identity) return files;
  const map = (c: unknown): unknown => {
    if (!Array.isArray(c)) return c;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') return [...crs.fromWgs84(c[0], c[1]), ...c.slice(2)];
    return c.map(map);
  };
  const geom = (g: { type: string; coordinates?: unknown; geometries?: unknown[] } | null): unknown => {
    if (!g) return g;
    if (g.type === 'GeometryCollection') return { ...g, geometries: (g.geometries ?? []).map((x) => geom(x as typeof g)) };
    return { ...g, coordinates: map(g.coordinates) };
  };
  const name = /^EPSG:\d+$/.test(crs.id) ? `urn:ogc:def:crs:EPSG::${crs.id.slice(5)}` : crs.id;
  return files.map((f) => {
    if (!f.path.endsWith('.geojson')) return f;
    const fc = JSON.parse(f.data) as { type: string; features: { geometry: Parameters<typeof geom>[0] }[] };
    const out = { type: fc.type, crs: { type: 'name', properties: { name } }, features: fc.features.map((x) => ({ ...x, geometry: geom(x.geometry) })) };
    return { ...f, data: `${JSON.stringify(out)}\n` };
  });
}

function shapefileEncoding(encoding: string | undefined, format: string | undefined, InputError: typeof import('@firecover/core').InputError): 'utf-8' | 'gbk' {
  if (encoding === undefined) return 'utf-8';
  const key = encoding.trim().toLowerCase();
  if (format !== 'shapefile') throw new InputError({ file: '--encoding' }, '--encoding applies to --format shapefile only', '--encoding 仅用于 --format shapefile');
  if (key === 'utf-8' || key === 'utf8') return 'utf-8';
  if (key === 'gbk' || key === 'cp936' || key === '936') return 'gbk';
  throw new InputError({ file: '--encoding' }, `expected utf-8 or gbk, got "${encoding}"`, `应为 utf-8 或 gbk，实际为“${encoding}”`);
}

/**
 * Every `.geojson` layer as a Shapefile set beside it: `name.shp`, `.shx`, `.dbf`, `.prj`, `.cpg` (a layer
 * mixing points, lines and polygons as `name_points.*`, `name_lines.*`, `name_polygons.*`), with
 * `name.fields.csv` (`original,written`; UTF-8 with a byte-order mark, as the CSV tables, for Excel) when a property name had to be cut or changed for the DBF's
 * 10-byte limit, and `shapefile_notes.txt` (English, then Chinese) when the coordinates are GCJ-02 / BD-09 under a
 * WGS84-shaped `.prj`, characters GBK cannot hold were written as `?`, or text was cut at 254 bytes.
 * Other files (summary.json, CSV tables) pass unchanged.
 */
async function shapefileLayers<T extends { path: string; data: string }>(files: T[], prj: string, encoding: 'utf-8' | 'gbk', note: { en: string; zh: string } | undefined): Promise<(T | { path: string; data: string | Uint8Array })[]> {
  const { writeShapefile } = await import('@firecover/core');
  const { csvLine } = await import('./format');
  const out: (T | { path: string; data: string | Uint8Array })[] = [];
  let dir: string | undefined;
  // The DBF header's date: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, so the
  // same input can give the same bytes on any day; else today.
  const epoch = currentScope().env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch.trim()) ? new Date(Number(epoch) * 1000) : new Date();
  const notes: string[] = note ? [note.en, note.zh] : [];
  for (const f of files) {
    if (!f.path.endsWith('.geojson')) {
      out.push(f);
      continue;
    }
    const base = f.path.replace(/\.geojson$/, '');
    dir ??= f.path.slice(0, f.path.length - f.path.replace(/^.*[\\/]/, '').length);
    const stem = base.replace(/^.*[\\/]/, '');
    const layer = writeShapefile(JSON.parse(f.data), stem, { encoding, prj, date });
    const at = base.slice(0, base.length - stem.length);
    for (const s of layer.sets) {
      out.push({ path: `${at}${s.stem}.shp`, data: s.shp }, { path: `${at}${s.stem}.shx`, data: s.shx }, { path: `${at}${s.stem}.dbf`, data: s.dbf });
      out.push({ path: `${at}${s.stem}.prj`, data: s.prj }, { path: `${at}${s.stem}.cpg`, data: s.cpg });
    }
    if (layer.unencodable > 0) notes.push(`${stem}: ${layer.unencodable} characters GBK cannot hold written as "?" (use --encoding utf-8)`, `${stem}：${layer.unencodable} 个 GBK 无法表示的字符写成了“?”（请用 --encoding utf-8）`);
    if (layer.cutValues > 0) notes.push(`${stem}: ${layer.cutValues} text values cut to the 254-byte limit of a DBF field`, `${stem}：${layer.cutValues} 个文本值被截断到 DBF 字段 254 字节的上限`);
    if (layer.renamed.length > 0) out.push({ path: `${base}.fields.csv`, data: '\uFEFF' + csvLine(['original', 'written']) + layer.renamed.map((r) => csvLine([r.original, r.written])).join('') });
  }
  if (notes.length > 0 && dir !== undefined) out.push({ path: `${dir}shapefile_notes.txt`, data: `${notes.join('\n')}\n` });
  return out;
}
