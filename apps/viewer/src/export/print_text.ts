import { getLang } from '../i18n';

/** The print dialog's and the print layout's own words, English and Simplified Chinese. */
const T = {
  printButton: { en: 'Print / export…', zh: '打印/导出…' },
  printTitle: { en: 'Print layout and exports', zh: '打印版式与导出' },
  paper: { en: 'Paper', zh: '纸张' },
  orientation: { en: 'Orientation', zh: '方向' },
  portrait: { en: 'Portrait', zh: '纵向' },
  landscape: { en: 'Landscape', zh: '横向' },
  dpi: { en: 'Resolution (PNG)', zh: '分辨率（PNG）' },
  format: { en: 'Format', zh: '格式' },
  fmt_png: { en: 'PNG image', zh: 'PNG 图片' },
  fmt_pdf: { en: 'PDF (vector)', zh: 'PDF（矢量）' },
  fmt_svg: { en: 'SVG (vector)', zh: 'SVG（矢量）' },
  fmt_geojson: { en: 'GeoJSON of the visible layers', zh: '可见图层 GeoJSON' },
  exportNow: { en: 'Export', zh: '导出' },
  close: { en: 'Close', zh: '关闭' },
  sizeNote: { en: '{w} × {h} px', zh: '{w} × {h} 像素' },
  p_layers: { en: 'Collecting the visible layers…', zh: '正在收集可见图层…' },
  p_layout: { en: 'Laying out the page…', zh: '正在排版页面…' },
  p_raster: { en: 'Drawing the map at {dpi} dpi…', zh: '正在以 {dpi} dpi 绘制地图…' },
  p_encode: { en: 'Encoding the PNG…', zh: '正在编码 PNG…' },
  p_font: { en: 'Loading the Chinese font…', zh: '正在加载中文字体…' },
  p_pdf: { en: 'Writing the PDF…', zh: '正在生成 PDF…' },
  p_done: { en: 'Done: {file} ({size}) in {s} s', zh: '完成：{file}（{size}），用时 {s} 秒' },
  p_failed: { en: 'Export failed: {msg}', zh: '导出失败：{msg}' },
  legendTitle: { en: 'Legend', zh: '图例' },
  printed: { en: 'Printed', zh: '打印日期' },
  dataLabel: { en: 'Data', zh: '数据' },
} as const;

export type PrintKey = keyof typeof T;

export function pt(key: PrintKey, vars?: Record<string, string | number>): string {
  let s: string = T[key][getLang()];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
