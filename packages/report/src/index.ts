// The public API of @firecover/report: scenario → typed inputs → report files.
export { analysisInput, type ReportInput, type SitingInput, type ArrivalBand, type StationSetOption } from './analysis_input';
export { buildReport, type ReportOptions, type ReportParts } from './build_report';
export { reportFiles, PNG_WIDTH_PX, type ReportFile, type ReportFiles } from './report_files';
export { reportMaps, type RenderedMap, type MapOptions } from './maps';
export { renderMap, type MapSpec, type MapLayer, type LegendItem, type Style, type Lang } from './svg_map';
export { barChart, type BarChartSpec, type BarSeries } from './charts';
export { reportDocument } from './content';
export { reportHtml } from './html';
export { reportDocx } from './docx';
export { indicatorRows, indicatorTable, indicatorsCsv, type IndicatorRow } from './indicators';
export { launchBrowser, printPdf, rasterise, withDpi, cjkFontFamilies, chromiumPath, ToolMissingError, CHROMIUM_ARGS } from './browser';
export { esc } from './escape';
export type { ReportDocument, Section, Block } from './document';
