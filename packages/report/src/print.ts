// @firecover/report/print — the browser-safe part of the report: the SVG map renderer, the paper
// layout and the PNG dpi chunk. Nothing on this path imports node: modules or Chromium (the viewer
// bundles it); `@firecover/report` itself stays the Node entry.
export { renderMap, pathOf, symbolSvg, styleAttrs, FONT, type MapSpec, type MapLayer, type LegendItem, type Style, type Lang } from './svg_map';
export { renderPrintMap, pageSizeMm, pageSizePt, pageSizePx, wrapLabel, PAPER_MM, type Paper, type Orientation, type PrintMapSpec, type PrintMap, type PrintLegendGroup, type PrintLegendItem, type PageBox } from './print_map';
export { withDpi, crc32 } from './png_dpi';
