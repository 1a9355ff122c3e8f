/** Every label on the page, English and Simplified Chinese. */
export type Lang = 'en' | 'zh';

const T = {
  appTitle: { en: 'firecover — fire station coverage', zh: 'firecover — 消防站覆盖分析' },
  synthetic: { en: 'Synthetic sample city — not a real place', zh: '虚构示例城市——非真实地点' },
  loading: { en: 'Loading scenario…', zh: '正在加载情景…' },
  stage_loading: { en: 'Reading scenario files…', zh: '正在读取情景文件…' },
  stage_coverage: { en: 'Computing coverage…', zh: '正在计算覆盖…' },
  stage_water: { en: 'Checking hydrants and water…', zh: '正在检查消火栓与水源…' },
  error: { en: 'Error', zh: '错误' },
  open: { en: 'Open…', zh: '打开…' },
  openHint: {
    en: 'Open a scenario folder (scenario.json + layers) or an analyze output folder (summary.json + .geojson), or drop it on the map.',
    zh: '打开情景文件夹（scenario.json 及图层）或分析输出文件夹（summary.json 及 .geojson），也可拖放到地图上。',
  },
  openFolder: { en: 'Folder…', zh: '文件夹…' },
  openFiles: { en: 'Files…', zh: '文件…' },
  sample: { en: 'Sample city', zh: '示例城市' },
  language: { en: '简体中文', zh: 'English' },
  layers: { en: 'Layers', zh: '图层' },
  legend: { en: 'Legend', zh: '图例' },
  coverage: { en: 'Coverage', zh: '覆盖情况' },
  districts: { en: 'Station districts', zh: '消防站辖区' },
  comparison: { en: 'Existing versus planned', zh: '现状与规划对比' },
  gaps: { en: 'Largest gaps', zh: '最大覆盖空白' },
  candidates: { en: 'Candidate stations', zh: '备选消防站' },
  candidateMode: { en: 'Add candidate station', zh: '添加备选消防站' },
  candidateModeOn: { en: 'Click the map to place a candidate (Esc to stop)', zh: '点击地图放置备选站（按 Esc 结束）' },
  candidateClass: { en: 'Class', zh: '类别' },
  remove: { en: 'Remove', zh: '移除' },
  removeAll: { en: 'Remove all', zh: '全部移除' },
  noCandidates: { en: 'No candidates yet.', zh: '暂无备选站。' },
  beforeAfter: { en: 'Before → after', zh: '添加前 → 添加后' },
  recompute: { en: 'Recomputed in', zh: '重算耗时' },
  analysisOnly: { en: 'Analyze output: candidates need the scenario itself.', zh: '分析结果文件：添加备选站需要原始情景。' },
  exportPng: { en: 'Export PNG', zh: '导出 PNG' },
  exportCsv: { en: 'Districts CSV', zh: '辖区 CSV' },
  exportScale: { en: 'Resolution', zh: '分辨率' },
  exporting: { en: 'Exporting…', zh: '正在导出…' },
  station: { en: 'Station', zh: '消防站' },
  area: { en: 'Area', zh: '面积' },
  cap: { en: 'Cap', zh: '上限' },
  latest: { en: 'Latest arrival', zh: '最迟到达' },
  checks: { en: 'Checks', zh: '核查' },
  set: { en: 'Stations', zh: '站点组合' },
  count: { en: 'Stations', zh: '站数' },
  none: { en: 'None', zh: '无' },
  km2: { en: 'km²', zh: 'km²' },
  min: { en: 'min', zh: '分钟' },
  s: { en: 's', zh: '秒' },
  m: { en: 'm', zh: '米' },
  pct: { en: '%', zh: '%' },
  northArrow: { en: 'N', zh: '北' },
  provenance: { en: 'Data', zh: '数据来源' },
  standard: { en: 'Standard', zh: '标准' },
  overCap: { en: 'over cap', zh: '超过上限' },
  crossesBarrier: { en: 'crosses a barrier', zh: '跨越障碍' },
  // layers
  L_bands: { en: 'Arrival time', zh: '到达时间' },
  L_districts: { en: 'Districts', zh: '辖区' },
  L_gaps: { en: 'Coverage gaps', zh: '覆盖空白' },
  L_reached_network: { en: 'Reached roads', zh: '可达道路' },
  L_stations: { en: 'Stations', zh: '消防站' },
  L_hydrants: { en: 'Hydrants', zh: '消火栓' },
  waterDistricts: { en: 'Hydrants per district', zh: '各辖区消火栓' },
  w_district: { en: 'District', zh: '辖区' },
  w_required: { en: 'Required', zh: '应建' },
  w_existing: { en: 'Existing', zh: '现有' },
  w_construction: { en: 'Construction rate', zh: '建有率' },
  w_intact: { en: 'Intact rate', zh: '完好率' },
  w_gaps: { en: 'Spacing gaps', zh: '间距缺口' },
  w_new: { en: 'New hydrants', zh: '补建' },
  w_total: { en: 'Total', zh: '合计' },
  km: { en: 'km', zh: '公里' },
  L_hydrants_legend: { en: 'Hydrants (from street scale)', zh: '消火栓（放大至街道尺度显示）' },
  L_hydrant_gaps: { en: 'Hydrant gaps', zh: '消火栓缺口' },
  L_unprotected: { en: 'Unprotected land', zh: '未受保护用地' },
  L_proposed_hydrants: { en: 'Proposed hydrants', zh: '建议增设消火栓' },
  L_intake_reach: { en: 'Intake-point reach', zh: '取水点可达范围' },
  L_base: { en: 'Roads and water', zh: '道路与水系' },
  L_osm: { en: 'Online basemap (OSM)', zh: '在线底图（OSM）' },
  // legend entries
  st_existing: { en: 'Existing', zh: '现状' },
  st_under_construction: { en: 'Under construction', zh: '在建' },
  st_planned: { en: 'Planned', zh: '规划' },
  st_candidate: { en: 'Candidate', zh: '备选' },
  hy_ok: { en: 'Hydrant, counts', zh: '消火栓（有效）' },
  hy_bad: { en: 'Hydrant, not counted', zh: '消火栓（无效）' },
  hy_damaged: { en: 'Damaged / low pressure', zh: '损坏/水压不足' },
  d_ok: { en: 'District within standard', zh: '辖区符合标准' },
  d_bad: { en: 'Over cap or crosses barrier', zh: '超过面积上限或跨越障碍' },
  road: { en: 'Road', zh: '道路' },
  expressway: { en: 'Expressway', zh: '快速路' },
  railway: { en: 'Railway', zh: '铁路' },
  water: { en: 'River / lake', zh: '河流/湖泊' },
  studyArea: { en: 'Study area', zh: '研究范围' },
  bandOver: { en: '> {m} min', zh: '> {m} 分钟' },
  bandUpTo: { en: '≤ {m} min', zh: '≤ {m} 分钟' },
  intakePoint: { en: 'Intake point (hollow: proposed)', zh: '取水点（空心：建议）' },
  noWater: { en: 'Land with neither hydrant nor intake', zh: '既无消火栓也无取水点的用地' },
  clickHint: { en: 'Click a feature for its figures.', zh: '点击要素查看数据。' },
  // live what-if: candidate editing, save / reopen, loading
  candName: { en: 'Name', zh: '名称' },
  candTurnout: { en: 'Turnout', zh: '出动时间' },
  candDragHint: { en: 'Drag a candidate on the map to move it.', zh: '在地图上拖动备选站可移动其位置。' },
  undo: { en: 'Undo', zh: '撤销' },
  saveScenario: { en: 'Save scenario', zh: '保存情景' },
  saveHint: {
    en: 'Scenario JSON with the candidates (status "candidate"); keep it in the folder of the scenario it came from: its layer paths are relative to it.',
    zh: '含备选站（status 为 "candidate"）的情景 JSON；请保存在原情景所在文件夹，其图层路径相对于该文件夹。',
  },
  lastUpdate: { en: 'Change to map', zh: '修改至地图更新' },
  loadFailedKept: { en: 'Could not open it; the current scenario stays.', zh: '无法打开，当前情景保持不变。' },
  notFound: { en: 'Not found: {url} (HTTP {status})', zh: '未找到：{url}（HTTP {status}）' },
  httpFailed: { en: 'Could not fetch {url} (HTTP {status})', zh: '无法获取 {url}（HTTP {status}）' },
  notJson: { en: '{file} is not valid JSON: {detail}', zh: '{file} 不是有效的 JSON：{detail}' },
  notScenario: { en: '{file} is neither a scenario (network and stations) nor an analyze summary.json', zh: '{file} 既不是情景文件（含 network 与 stations），也不是分析结果 summary.json' },
  neitherEntry: { en: '{url}: neither scenario.json nor summary.json found', zh: '{url}：未找到 scenario.json 或 summary.json' },
} as const;

export type Key = keyof typeof T;

let lang: Lang = 'en';
const listeners: (() => void)[] = [];

export function getLang(): Lang {
  return lang;
}

export function setLang(l: Lang): void {
  lang = l;
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  for (const f of listeners) f();
}

export function onLangChange(f: () => void): void {
  listeners.push(f);
}

export function t(key: Key, vars?: Record<string, string | number>): string {
  let s: string = T[key][lang];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

/** A text in both languages (messages kept with an error, shown in the language of the moment). */
export function tBoth(key: Key, vars?: Record<string, string | number>): { en: string; zh: string } {
  const fill = (x: string) => (vars ? Object.entries(vars).reduce((acc, [k, v]) => acc.replace(`{${k}}`, String(v)), x) : x);
  return { en: fill(T[key].en), zh: fill(T[key].zh) };
}

/** Pick the language's text from an {en, zh} pair (or a name with an optional Chinese name). */
export function pick(en: string | undefined, zh: string | undefined): string {
  return (lang === 'zh' ? zh || en : en || zh) ?? '';
}

/** Names and units of summary figures: a key's unit is read from its suffix (Km2, Pct, S, M, Count). */
const FIGURES: Record<string, { en: string; zh: string }> = {
  coveredPct: { en: 'Covered within standard', zh: '标准时间内覆盖' },
  coveragePct: { en: 'Covered within standard', zh: '标准时间内覆盖' },
  coveredSharePct: { en: 'Covered within standard', zh: '标准时间内覆盖' },
  studyAreaKm2: { en: 'Study area', zh: '研究范围面积' },
  coveredAreaKm2: { en: 'Area covered', zh: '覆盖面积' },
  coveredKm2: { en: 'Area covered', zh: '覆盖面积' },
  gapAreaKm2: { en: 'Gap area', zh: '空白面积' },
  gapsAreaKm2: { en: 'Gap area', zh: '空白面积' },
  uncoveredKm2: { en: 'Gap area', zh: '空白面积' },
  populationCoveredPct: { en: 'Population covered', zh: '覆盖人口比例' },
  demandCoveredPct: { en: 'Demand covered', zh: '覆盖需求比例' },
  stationCount: { en: 'Stations', zh: '消防站数' },
  stations: { en: 'Stations', zh: '消防站数' },
  districtCount: { en: 'Districts', zh: '辖区数' },
  districtsOverCap: { en: 'Districts over cap', zh: '超面积辖区数' },
  districtsCrossingBarriers: { en: 'Districts crossing barriers', zh: '跨越障碍辖区数' },
  districtsFailing: { en: 'Districts failing a check', zh: '未通过核查辖区数' },
  maxArrivalS: { en: 'Latest arrival', zh: '最迟到达时间' },
  latestArrivalS: { en: 'Latest arrival', zh: '最迟到达时间' },
  meanArrivalS: { en: 'Mean arrival', zh: '平均到达时间' },
  p90ArrivalS: { en: '90th percentile arrival', zh: '90%到达时间' },
  responseS: { en: 'Arrival standard', zh: '到达时间标准' },
  reachedRoadKm: { en: 'Roads reached', zh: '可达道路长度' },
  hydrantCount: { en: 'Hydrants', zh: '消火栓数' },
  hydrantsCompliant: { en: 'Hydrants that count', zh: '有效消火栓' },
  unprotectedKm2: { en: 'Land beyond hydrant reach', zh: '消火栓保护范围外用地' },
  proposedHydrants: { en: 'Hydrants to add', zh: '建议增设消火栓' },
};

export function figureLabel(key: string): string {
  const f = FIGURES[key];
  if (f) return f[lang];
  // "gapAreaKm2" → "gap area"
  const base = key.replace(/(Km2|Pct|Count|S|M|Km)$/, '');
  return base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

/** Value with its unit, by the key's suffix. */
export function figureValue(key: string, v: unknown): string {
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return '∞';
  if (key.endsWith('Pct')) return `${v.toFixed(1)} %`;
  if (/Share$|Fraction$/.test(key)) return `${(v * 100).toFixed(1)} %`;
  if (key.endsWith('Km2')) return `${v.toFixed(2)} km²`;
  if (key.endsWith('Km')) return `${v.toFixed(1)} km`;
  if (key.endsWith('S')) return `${(v / 60).toFixed(1)} ${t('min')} (${Math.round(v)} ${t('s')})`;
  if (key.endsWith('M')) return `${Math.round(v)} ${t('m')}`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

export function stationClassLabel(code: string | undefined, labels: Record<string, { en: string; zh: string }>): string {
  if (!code) return '';
  const l = labels[code];
  return l ? l[lang] : code;
}
