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
  // ---- the plan year by year, hover, search, measure, siting, legibility (plan/, hover/, siting/)
  L_newly_covered: { en: 'Newly covered', zh: '新增覆盖' },
  L_newly_covered_entry: { en: 'Land the year newly covers (vs base)', zh: '该年相对基准新增覆盖的用地' },
  st_not_yet: { en: 'Not yet in service', zh: '尚未投入使用' },
  status: { en: 'Status', zh: '状态' },
  year: { en: 'Year', zh: '年份' },
  planYear: { en: 'Plan year', zh: '规划年份' },
  planBase: { en: 'base', zh: '基准' },
  planBaseExisting: { en: 'existing stations', zh: '现状站点' },
  planInService: { en: '{n} stations in service', zh: '在役消防站 {n} 座' },
  planCompare: { en: 'Compare with base', zh: '与基准对比' },
  planComputing: { en: 'Computing {year}…', zh: '正在计算 {year} 年…' },
  planAdds: { en: '{year} vs base', zh: '{year} 年与基准对比' },
  newlyCoveredKm2: { en: 'Land newly covered', zh: '新增覆盖用地' },
  planCandidatesNote: { en: 'Candidates are shown on the base; moving the slider hides them.', zh: '备选站在基准上显示；拖动滑块时不显示备选站。' },
  hoverTitle: { en: 'Under the cursor', zh: '光标处' },
  hoverFirst: { en: '1st due', zh: '第一出动' },
  hoverSecond: { en: '2nd due', zh: '第二出动' },
  hoverOffRoad: { en: 'more than {m} m from a road', zh: '距道路超过 {m} 米' },
  hoverUnreachable: { en: 'cannot reach', zh: '无法到达' },
  hoverToRoad: { en: '{m} m to the road', zh: '距道路 {m} 米' },
  hoverWithin: { en: 'within {s} s', zh: '{s} 秒内' },
  hoverLate: { en: 'over {s} s', zh: '超过 {s} 秒' },
  searchStations: { en: 'Find a station…', zh: '查找消防站…' },
  searchNone: { en: 'No station matches.', zh: '没有匹配的消防站。' },
  measure: { en: 'Measure', zh: '量测' },
  measureOn: { en: 'Click two points on the map (Esc to stop)', zh: '在地图上点击两点（按 Esc 结束）' },
  measureSecond: { en: 'Now click the second point', zh: '请点击第二点' },
  measureResult: { en: '{m} m along the road, {s} s drive ({straight} m straight)', zh: '沿道路 {m} 米，行车 {s} 秒（直线 {straight} 米）' },
  measureNoRoute: { en: 'No route', zh: '无路线' },
  siting: { en: 'Siting', zh: '选址' },
  sitingTitle: { en: 'Where should new stations go?', zh: '新站应建在哪里？' },
  sitingModel: { en: 'Model', zh: '模型' },
  sitingMclp: { en: 'Maximal covering (p new stations)', zh: '最大覆盖（新建 p 座）' },
  sitingLscp: { en: 'Set covering (fewest stations)', zh: '集合覆盖（最少站数）' },
  sitingP: { en: 'New stations p', zh: '新建站数 p' },
  sitingSpacing: { en: 'Candidate spacing', zh: '候选点间距' },
  sitingCurve: { en: 'Curve up to', zh: '曲线上限' },
  sitingRun: { en: 'Run', zh: '运行' },
  sitingCancel: { en: 'Cancel', zh: '取消' },
  sitingRunning: { en: 'Solving… {s} s', zh: '正在求解… {s} 秒' },
  sitingCancelled: { en: 'Cancelled.', zh: '已取消。' },
  sitingDone: { en: 'Solved in {s} s ({solver})', zh: '求解用时 {s} 秒（{solver}）' },
  sitingOptimal: { en: 'proven optimal', zh: '已证明最优' },
  sitingNotOptimal: { en: 'not proven optimal, gap {gap} %', zh: '未证明最优，间隙 {gap} %' },
  sitingRank: { en: 'Rank', zh: '排名' },
  sitingSite: { en: 'Site', zh: '站址' },
  sitingGain: { en: 'Gain', zh: '增量' },
  sitingCovered: { en: 'Covered', zh: '覆盖' },
  sitingCurveTitle: { en: 'Coverage by number of new stations (MCLP)', zh: '覆盖率与新建站数（最大覆盖模型）' },
  sitingCandidates: { en: '{n} candidates, {r} rejected by the siting rules', zh: '候选点 {n} 个，{r} 个不符合选址规定' },
  sitingPlannedRatio: { en: 'Planned sites reach {pct} % of the optimum’s gain', zh: '规划站址达到最优增量的 {pct} %' },
  sitingShown: { en: 'Sites on the map: numbered by rank', zh: '地图上的站址按排名编号' },
  sitingStage_loading: { en: 'reading the scenario', zh: '正在读取情景' },
  sitingStage_solver: { en: 'loading HiGHS', zh: '正在加载 HiGHS' },
  sitingStage_solving: { en: 'building the matrix and solving', zh: '正在构建矩阵并求解' },
  lonLat: { en: 'lon, lat', zh: '经度, 纬度' },
  legendCollapse: { en: 'Hide legend', zh: '收起图例' },
  legendExpand: { en: 'Legend', zh: '图例' },
  basemap: { en: 'Basemap', zh: '底图' },
  basemapNone: { en: 'None (offline)', zh: '无（离线）' },
  basemapOsm: { en: 'OpenStreetMap (WGS84)', zh: 'OpenStreetMap（WGS84）' },
  basemapGaode: { en: 'AutoNavi / Gaode (GCJ-02)', zh: '高德地图（GCJ-02）' },
  basemapShifted: { en: 'Layers shifted to GCJ-02 to match the basemap', zh: '图层已偏移至 GCJ-02 以匹配底图' },
  coordinates: { en: 'Coordinates (WGS84)', zh: '坐标（WGS84）' },
  chk_area: { en: 'District area within its cap', zh: '辖区面积不超过上限' },
  chk_arrival: { en: 'District edge reached within the standard', zh: '标准时间内到达辖区边缘' },
  chk_barriers: { en: 'District does not cross an expressway, railway or large river', zh: '辖区不跨越快速路、铁路或较大河流' },
  chk_centre: { en: 'Station near its district centre', zh: '消防站位于辖区适中位置' },
  // risk: hazard sites and the first capable unit (core risk/, docs/risk.md)
  L_hazards: { en: 'Hazard sites', zh: '重点单位与危险源' },
  hz_ok: { en: 'Capable unit within the standard', zh: '具备相应装备的力量按时到达' },
  hz_bad: { en: 'Capable unit late, or none', zh: '具备相应装备的力量未按时到达或无' },
  hazardClass: { en: 'Class', zh: '类别' },
  hazardMeets: { en: 'Meets its standard', zh: '达到响应标准' },
  // risk: micro fire stations, communities and townships (core risk/micro_reach.ts, risk/townships.ts)
  L_micro_stations: { en: 'Micro fire stations', zh: '微型消防站' },
  ms_on: { en: 'Micro station on the road network', zh: '微型消防站（已接入道路）' },
  ms_off: { en: 'Micro station off the road network (reaches nothing)', zh: '微型消防站（未接入道路，无法到达）' },
  L_communities: { en: 'Communities', zh: '社区' },
  cm_ok: { en: 'Micro station inside or within the standard', zh: '有微型消防站在内或按时到达' },
  cm_bad: { en: 'No micro station in reach', zh: '无微型消防站按时到达' },
  L_townships: { en: 'Townships', zh: '乡镇（街道）' },
  tw_ok: { en: 'Full-time brigade inside', zh: '设有专职消防力量' },
  tw_bad: { en: 'No full-time brigade inside', zh: '未设专职消防力量' },
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
  // popup keys of the stations, service-area, gap, hydrant and water layers (so no key shows in English only)
  id: { en: 'Id', zh: '编号' },
  year: { en: 'Year', zh: '年份' },
  turnoutS: { en: 'Turnout', zh: '出动准备时间' },
  snapDistanceM: { en: 'Distance to road', zh: '距道路距离' },
  serviceAreaKm2: { en: 'Reached within the standard', zh: '标准时间内可达面积' },
  districtAreaKm2: { en: 'District area', zh: '辖区面积' },
  capKm2: { en: 'District cap', zh: '辖区面积上限' },
  marginalised: { en: 'Far from its district centre', zh: '偏离辖区中心' },
  island: { en: 'On a road island', zh: '位于道路孤岛' },
  osmName: { en: 'OSM id', zh: 'OSM 编号' },
  kind: { en: 'Kind', zh: '类型' },
  rank: { en: 'Rank', zh: '排名' },
  areaKm2: { en: 'Area', zh: '面积' },
  upToS: { en: 'Arrival up to', zh: '到达时间上限' },
  fromS: { en: 'Arrival from', zh: '到达时间下限' },
  stationId: { en: 'Station', zh: '消防站' },
  stationName: { en: 'Station', zh: '消防站' },
  nearestStationId: { en: 'Nearest station', zh: '最近消防站' },
  reason: { en: 'Reason', zh: '原因' },
  cells: { en: 'Grid cells', zh: '栅格数' },
  fromKey: { en: 'Compared from', zh: '对比基准' },
  toKey: { en: 'Compared to', zh: '对比对象' },
  status: { en: 'Status', zh: '状态' },
  compliance: { en: 'Counts', zh: '是否有效' },
  ref: { en: 'Reference', zh: '编号' },
  type: { en: 'Type', zh: '类型' },
  diameterMm: { en: 'Diameter (mm)', zh: '管径（毫米）' },
  position: { en: 'Position', zh: '位置' },
  lengthM: { en: 'Length', zh: '长度' },
  roadName: { en: 'Road', zh: '道路' },
  road: { en: 'Road', zh: '道路' },
  area_km2: { en: 'Area', zh: '面积' },
  barrierClause: { en: 'Barrier clause', zh: '障碍条款' },
  barriersCrossed: { en: 'Barriers crossed', zh: '跨越的障碍' },
  budgetS: { en: 'Time budget', zh: '时间预算' },
  capClause: { en: 'Cap clause', zh: '面积上限条款' },
  demand: { en: 'Demand', zh: '需求' },
  diameter_mm: { en: 'Diameter (mm)', zh: '管径（毫米）' },
  district: { en: 'District', zh: '辖区' },
  edgeWithinStandard: { en: 'Edge reached within the standard', zh: '辖区边缘标准时间内可达' },
  end: { en: 'End', zh: '终点' },
  start: { en: 'Start', zh: '起点' },
  equivalentRadiusM: { en: 'Equivalent radius', zh: '等效半径' },
  gain_km2: { en: 'Land gained', zh: '新增保护用地' },
  gain_m: { en: 'Road gained', zh: '新增保护道路' },
  gap: { en: 'Gap', zh: '缺口' },
  label: { en: 'Label', zh: '标注' },
  lateAreaKm2: { en: 'Reached late', zh: '超时到达面积' },
  length_m: { en: 'Length', zh: '长度' },
  linkId: { en: 'Road link', zh: '路段' },
  marginalClause: { en: 'Centre clause', zh: '适中位置条款' },
  minArrivalS: { en: 'Earliest arrival', zh: '最早到达时间' },
  missing_side: { en: 'Side without hydrants', zh: '缺消火栓一侧' },
  n: { en: 'Number', zh: '序号' },
  nearest_hydrant_m: { en: 'Nearest hydrant', zh: '最近消火栓' },
  new_hydrants: { en: 'New hydrants', zh: '需补建消火栓' },
  offset_m: { en: 'Position along the road', zh: '沿路位置' },
  ok: { en: 'Passes', zh: '是否通过' },
  overCap: { en: 'Over its cap', zh: '超过面积上限' },
  polygonAreaKm2: { en: 'Polygon area', zh: '多边形面积' },
  ranked_by: { en: 'Ranked by', zh: '排序依据' },
  reachable: { en: 'Reachable', zh: '可到达' },
  responseClause: { en: 'Arrival clause', zh: '到达时间条款' },
  run: { en: 'Run', zh: '连续段' },
  side: { en: 'Side', zh: '侧' },
  snap_m: { en: 'Distance to road', zh: '距道路距离' },
  source_kind: { en: 'Water source', zh: '水源类型' },
  span_m: { en: 'Span', zh: '跨度' },
  stationOffsetM: { en: 'Station position along its road', zh: '消防站沿路位置' },
  toS: { en: 'Arrival up to', zh: '到达时间上限' },
  urbanEdge: { en: 'Urban edge', zh: '城市边缘' },
  water: { en: 'Water', zh: '水体' },
  wide_gap: { en: 'Wide-road gap', zh: '宽路缺口' },
  withinStandard: { en: 'Within the standard', zh: '符合标准' },
  // risk layers' popup keys (micro stations, communities, townships)
  mode: { en: 'Travel mode', zh: '出动方式' },
  reachM: { en: 'Reach within the standard', zh: '标准时间内可达距离' },
  onNetwork: { en: 'On the road network', zh: '已接入道路' },
  inReach: { en: 'Micro station in reach', zh: '有微型消防站可按时到达' },
  firstMicroId: { en: 'First micro station', zh: '最先到达的微型消防站' },
  arrivalS: { en: 'Micro station arrival', zh: '微型消防站到达时间' },
  microInside: { en: 'Micro stations inside', zh: '辖内微型消防站数' },
  fullTime: { en: 'Full-time brigade inside', zh: '设有专职消防力量' },
  landReachedPct: { en: 'Land reached within the standard', zh: '标准时间内可达用地比例' },
  populationReachedPct: { en: 'Population reached within the standard', zh: '标准时间内可达人口比例' },
};

/** Words that appear as property values (hydrant compliance and status, gap kinds, sides) in Chinese. */
const VALUES: Record<string, string> = {
  counts: '有效',
  defective: '损坏或水压不足',
  off_road: '距道路过远',
  outside: '在研究范围外',
  working: '完好',
  damaged: '损坏',
  low_pressure: '水压不足',
  unknown: '未知',
  left: '左侧',
  right: '右侧',
  late: '超时到达',
  unreachable: '无法到达',
  band: '时间带',
  station: '消防站',
  union: '合并',
  road: '道路',
  land: '用地',
  pillar: '地上式',
  underground: '地下式',
  wall: '墙壁式',
  pipe: '管道式',
  newly_covered: '新增覆盖',
  existing: '现状',
  planned: '规划',
  under_construction: '在建',
  candidate: '备选',
  foot: '步行',
  light_vehicle: '轻便车辆',
};

/** A property value in the page language (Chinese for the known words; anything else as it is). */
export function localValue(v: string): string {
  return lang === 'zh' ? (VALUES[v] ?? localText(v)) : v;
}

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

/** English notes inside clause texts (standards/preset.ts) and their Chinese, longest first. */
const CLAUSE_NOTES: [string, string][] = [
  ['siting near the district centre; "边缘化" in local plans', '站址宜位于辖区适中位置；地方规划称“边缘化”'],
  ['local choice (GB 50974-2014 assumes working hydrants)', '地方自定（GB 50974-2014 以消火栓完好为前提）'],
  ['local choice (township brigades: 乡镇消防队)', '地方自定（乡镇消防队）'],
  ['local choice (no national figure)', '地方自定（无国家指标）'],
  ['the whole district within 5 min', '辖区全部 5 分钟内可达'],
  ['local choice for population', '人口指标由地方自定'],
  ['every required hydrant built', '应建消火栓全部建成'],
  ['overridden by user', '用户自定'],
  ['common practice', '通行做法'],
  ['local choice', '地方自定'],
];
const BARRIER_KINDS: Record<string, string> = { expressway: '快速路', railway: '铁路', river: '河流' };

/** A clause (or a check's own text) in the page language: in Chinese, its English notes and barrier kinds translated. */
export function localText(text: string | undefined | null): string {
  let s = text ?? '';
  if (lang !== 'zh' || !s) return s;
  for (const [en, zh] of CLAUSE_NOTES) s = s.split(en).join(zh);
  return s.replace(/\b(expressway|railway|river)\b:?\s?/g, (_m, k: string) => `${BARRIER_KINDS[k]}：`);
}
