import type { FeatureCollection } from 'geojson';

/**
 * Road attributes under the names `readGeoJsonRoads` reads (`class`, `oneway`, `maxspeed`, `name`,
 * `width`, `lanes`), taken from the field names city GIS and Shapefile exports use: given in `columns`
 * (property → field name), else recognised case-insensitively — class: fclass, class, road_class,
 * roadclass, 道路等级, 等级, 道路类别, dldj; oneway: oneway, 单行, 单向, 是否单行; maxspeed: maxspeed,
 * speed, 限速, 设计速度; name: name, 道路名称, 路名, 名称; width: width, 宽度, 路宽, 红线宽度; lanes: lanes, 车道数.
 * The class values go through the same rules as GeoJSON roads (快速路 / 主干路 / 次干路 / 支路 or OSM names).
 * One-way values 是 / 否 are read as yes / no.
 */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  class: ['class', 'fclass', 'road_class', 'roadclass', 'highway', '道路等级', '等级', '道路类别', 'dldj'],
  oneway: ['oneway', 'one_way', '单行', '单向', '是否单行'],
  maxspeed: ['maxspeed', 'max_speed', 'speed', '限速', '设计速度'],
  name: ['name', '道路名称', '路名', '名称'],
  width: ['width', '宽度', '路宽', '红线宽度'],
  lanes: ['lanes', '车道数'],
};

/** A road layer's class / one-way / speed fields (named in `columns` or detected) mapped to the properties the road importer reads. */
export function roadFields<T extends FeatureCollection>(fc: T, columns: Readonly<Record<string, string>> = {}): T {
  for (const f of fc.features) {
    // Anything but an object with object (or absent) properties is left for the road importer to report.
    if (typeof f !== 'object' || f === null) continue;
    const raw: unknown = f.properties ?? {};
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const p = raw as Record<string, unknown>;
    const lower = new Map(Object.keys(p).map((k) => [k.trim().toLowerCase(), k]));
    for (const [target, names] of Object.entries(FIELDS)) {
      const key = columns[target] ?? names.map((n) => lower.get(n)).find((k) => k !== undefined);
      if (key === undefined || !(key in p)) continue;
      let v = p[key];
      if (target === 'oneway' && typeof v === 'string') v = v.trim() === '是' ? 'yes' : v.trim() === '否' ? 'no' : v;
      if (target === 'class' && key.toLowerCase() !== 'highway' && p.highway === undefined) p.class = v;
      else if (target !== 'class') p[target] = v;
    }
    f.properties = p;
  }
  return fc;
}
