import type { CliContext } from './command_module';

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
  return ctx.lang === 'zh' ? '图层文件格式：geojson（默认）或 kml（Google Earth、奥维等；仅经纬度坐标系）' : 'format of the layer files: geojson (default) or kml (Google Earth and Chinese map viewers; lon/lat systems only)';
}

/**
 * The files with every `.geojson` layer's positions transformed from WGS84 to `crsSpec`, and written as
 * KML (`name.kml`) when `format` is "kml". A bad --out-crs or --format is an InputError (exit 2).
 */
export async function layersInCrs<T extends { path: string; data: string }>(files: T[], crsSpec: string | undefined, format?: string): Promise<T[]> {
  if (crsSpec === undefined && (format === undefined || format === 'geojson')) return files;
  const { resolveCrs, writeKml, InputError } = await import('@firecover/core');
  if (format !== undefined && format !== 'geojson' && format !== 'kml') {
    throw new InputError({ file: '--format' }, `expected geojson or kml, got "${format}"`, `应为 geojson 或 kml，实际为“${format}”`);
  }
  const crs = crsSpec === undefined ? undefined : resolveCrs(crsSpec, { file: '--out-crs' });
  if (format === 'kml' && crs && !crs.geographic) {
    throw new InputError({ file: '--out-crs' }, `KML holds longitude/latitude: ${crs.id} cannot be written as KML (use WGS84, GCJ-02 or BD-09, or --format geojson)`, `KML 只能存经纬度：${crs.id} 不能写成 KML（请用 WGS84、GCJ-02 或 BD-09，或 --format geojson）`);
  }
  if (format === 'kml') {
    const projected = crs && !crs.identity ? await layersInCrs(files, crsSpec) : files;
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
