import { defineMessages } from './i18n';

/** Messages shared by the program shell and every command (errors, help chrome, network inputs, outputs). */
export const commonMessages = defineMessages({
  en: {
    description: 'Which parts of a city a fire engine reaches in time: travel-time searches on a road network, coverage and water-supply checks.',
    langOption: 'language of messages and help: en or zh (default: FIRECOVER_LANG, else LANG starting with "zh" → zh, else en)',
    versionOption: 'print the version and exit',
    helpOption: 'show help for the command',
    helpCommand: 'show help for a command',
    errorPrefix: 'error: ',
    seeHelp: '(see "firecover {command} --help")',
    unexpected: 'internal error (a bug in firecover, not in your input); please report it with the trace below:',
    exitCodes: 'Exit codes: 0 success, 2 bad input or usage (message names the file, line or feature), 1 internal error.',
    examples: 'Examples:',
    // Network inputs
    networkGroup: 'Road network (exactly one):',
    osmOption: 'OpenStreetMap extract, .osm.pbf or .osm (XML)',
    geojsonOption: 'GeoJSON road lines (LineString / MultiLineString features)',
    edgesOption: 'pgRouting-style edge table CSV (id,source,target,cost,reverse_cost[,x1,y1,x2,y2,…])',
    nodesOption: 'vertex table CSV for --edges (id,lon,lat), when the edge table has no coordinates',
    shapefileOption: 'Shapefile of road polylines (.shp with .dbf, .prj, .cpg beside it); class field 快速路/主干路/次干路/支路 or OSM names',
    crsOption: 'coordinate system of --geojson / --shapefile: EPSG:4326, EPSG:4490, EPSG:4491-4554 (CGCS2000 Gauss-Kruger), EPSG:3857, GCJ-02, BD-09, a proj4 string (default: the .prj / GeoJSON crs, else WGS84)',
    importing: 'reading {file}',
    wrote: 'wrote {file}',
  },
  zh: {
    description: '消防车能否按时到达城市各处：基于道路网络的行车时间搜索、消防站辖区覆盖与消防供水检查。',
    langOption: '消息与帮助的语言：en 或 zh（默认：FIRECOVER_LANG，否则 LANG 以 "zh" 开头时为 zh，否则为 en）',
    versionOption: '显示版本号并退出',
    helpOption: '显示该命令的帮助',
    helpCommand: '显示某个命令的帮助',
    errorPrefix: '错误：',
    seeHelp: '（参见 "firecover {command} --help"）',
    unexpected: '内部错误（firecover 自身的缺陷，并非输入有误）；请附上以下调用栈报告该问题：',
    exitCodes: '退出码：0 成功；2 输入或用法错误（消息中指明文件、行号或要素）；1 内部错误。',
    examples: '示例：',
    networkGroup: '道路网络（必须且只能给出一个）：',
    osmOption: 'OpenStreetMap 数据文件，.osm.pbf 或 .osm（XML）',
    geojsonOption: 'GeoJSON 道路线（LineString / MultiLineString 要素）',
    edgesOption: 'pgRouting 格式的边表 CSV（id,source,target,cost,reverse_cost[,x1,y1,x2,y2,…]）',
    nodesOption: '--edges 的顶点表 CSV（id,lon,lat），用于边表不含坐标的情况',
    shapefileOption: '道路线 Shapefile（.shp 及同名 .dbf、.prj、.cpg）；等级字段为 快速路/主干路/次干路/支路 或 OSM 名称',
    crsOption: '--geojson / --shapefile 的坐标系：EPSG:4326、EPSG:4490、EPSG:4491–4554（CGCS2000 高斯-克吕格）、EPSG:3857、GCJ-02、BD-09 或 proj4 参数串（默认取 .prj / GeoJSON crs，否则 WGS84）',
    importing: '正在读取 {file}',
    wrote: '已写入 {file}',
  },
});

export type CommonKey = keyof (typeof commonMessages)['en'];
