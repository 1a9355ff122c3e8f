import type { ChinaOffsetFinding } from './crs_detect';
import type { LayerImportReport } from './layer_source';

/** A warning about the inputs, shown before any figure and written into summary.json (`warnings[]`). */
export interface InputWarning {
  /** "gcj02-offset" | "bd09-offset" | "gcj02-roads". */
  code: string;
  layer: string;
  file: string;
  en: string;
  zh: string;
}

/** The warning for an offset finding on `layer` (see detectChinaOffset). */
export function offsetWarning(layer: string, file: string, f: ChinaOffsetFinding): InputWarning {
  const m = (x: number): string => `${Math.round(x)} m`;
  if (f.system === 'GCJ-02-roads') {
    return {
      code: 'gcj02-roads',
      layer,
      file,
      en: `${layer} (${file}): the points sit ${m(f.medianOffRoadM)} (median) off the roads, and only ${m(f.medianCorrectedM)} once shifted by the GCJ-02 offset (${m(f.shiftM)} here): the road network looks like GCJ-02 (Amap / Tencent) while this layer is WGS84. Declare the network's coordinate system, e.g. "network": {"geojson": {"path": "…", "crs": "GCJ-02"}} (or --crs GCJ-02). The figures below are not reliable until then.`,
      zh: `${layer}（${file}）：点位距道路中位数 ${m(f.medianOffRoadM)}，按 GCJ-02 偏移（此处约 ${m(f.shiftM)}）平移后仅 ${m(f.medianCorrectedM)}：路网疑为 GCJ-02（高德/腾讯）坐标，而本图层为 WGS84。请声明路网坐标系，如 "network": {"geojson": {"path": "…", "crs": "GCJ-02"}}（或 --crs GCJ-02）。在此之前，以下数字不可靠。`,
    };
  }
  const sys = f.system === 'GCJ-02' ? 'GCJ-02 (Amap / Tencent / Google China)' : 'BD-09 (Baidu)';
  const sysZh = f.system === 'GCJ-02' ? 'GCJ-02（高德/腾讯/谷歌中国）' : 'BD-09（百度）';
  return {
    code: f.system === 'GCJ-02' ? 'gcj02-offset' : 'bd09-offset',
    layer,
    file,
    en: `${layer} (${file}): the points sit ${m(f.medianOffRoadM)} (median) off the roads, and only ${m(f.medianCorrectedM)} once read as ${sys} coordinates (the GCJ-02 shift is ${m(f.shiftM)} here; BD-09 adds Baidu's own): they look like points picked on a Chinese web map. Declare it: "${layer}": {"path": "…", "crs": "${f.system}"} (GCJ-02 or BD-09). The figures below are not reliable until then.`,
    zh: `${layer}（${file}）：点位距道路中位数 ${m(f.medianOffRoadM)}，按 ${sysZh} 坐标换算后仅 ${m(f.medianCorrectedM)}（此处 GCJ-02 偏移约 ${m(f.shiftM)}，BD-09 另有百度偏移）：疑为从国内网络地图上拾取的坐标。请声明："${layer}": {"path": "…", "crs": "${f.system}"}（GCJ-02 或 BD-09）。在此之前，以下数字不可靠。`,
  };
}

const SOURCE_ZH: Readonly<Record<string, string>> = { scenario: '情景文件声明', 'command line': '命令行声明', '.prj': '.prj 文件', 'GeoJSON crs': 'GeoJSON crs 成员', 'FlatGeobuf header': 'FlatGeobuf 文件头', default: '默认' };

/**
 * One line per layer: "hydrants  hydrants.csv  csv, GB18030 (detected) · 1,234 read, 1,230 kept, 4
 * dropped (no coordinates: row 7, row 9 …) · EPSG:4523 CGCS2000 / 3-degree Gauss-Kruger zone 35 (scenario)".
 */
export function importReportLines(reports: readonly LayerImportReport[], lang: 'en' | 'zh' = 'en'): string[] {
  const zh = lang === 'zh';
  return reports.map((r) => {
    const parts: string[] = [r.format];
    if (r.encoding) parts[0] += `, ${r.encoding.toUpperCase()} (${zh ? (r.encodingSource === 'detected' ? '检测' : r.encodingSource === 'cpg' ? '.cpg' : r.encodingSource === 'bom' ? 'BOM' : '声明') : r.encodingSource})`;
    let counts = zh ? `读入 ${r.read}，保留 ${r.kept}` : `${r.read} read, ${r.kept} kept`;
    if (r.dropped.length > 0) {
      const byReason = new Map<string, string[]>();
      for (const d of r.dropped) {
        const k = zh ? d.reasonZh : d.reason;
        const list = byReason.get(k) ?? [];
        list.push(d.where);
        byReason.set(k, list);
      }
      const why = [...byReason].map(([k, w]) => `${k}: ${w.slice(0, 5).join(', ')}${w.length > 5 ? ` …+${w.length - 5}` : ''}`).join('; ');
      counts += zh ? `，剔除 ${r.dropped.length}（${why}）` : `, ${r.dropped.length} dropped (${why})`;
    }
    const crs = `${r.crs}${r.crsName !== r.crs ? ` ${r.crsName}` : ''} (${zh ? SOURCE_ZH[r.crsSource] ?? r.crsSource : r.crsSource})`;
    return `${r.layer}: ${r.file} · ${parts.join(', ')} · ${counts} · ${crs}${r.notes.length > 0 ? ` · ${r.notes.join('; ')}` : ''}`;
  });
}
