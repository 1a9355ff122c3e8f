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

/** The files with every `.geojson` layer's positions transformed from WGS84 to `crsSpec`. */
export async function layersInCrs<T extends { path: string; data: string }>(files: T[], crsSpec: string | undefined): Promise<T[]> {
  if (crsSpec === undefined) return files;
  const { resolveCrs } = await import('@firecover/core');
  const crs = resolveCrs(crsSpec, { file: '--out-crs' });
  if (crs.identity) return files;
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
