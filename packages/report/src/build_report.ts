import type { ReportInput } from './analysis_input';
import { reportDocument } from './content';
import type { ReportDocument } from './document';
import { reportHtml } from './html';
import { indicatorRows, indicatorsCsv } from './indicators';
import { reportMaps, type RenderedMap } from './maps';
import type { Lang } from './svg_map';

export interface ReportOptions {
  lang: Lang;
  /** Data date (cover and every map); null prints "not dated". */
  date: string | null;
  title?: string;
  /** The scenario's input files as it names them (cover: data sources). */
  sources: string[];
}

export interface ReportParts {
  document: ReportDocument;
  maps: RenderedMap[];
  html: string;
  indicatorsCsv: string;
}

/** The deterministic parts of the report (no browser): maps, charts, the document, report.html, indicators.csv. */
export function buildReport(input: ReportInput, opts: ReportOptions): ReportParts {
  const maps = reportMaps(input, { lang: opts.lang, date: opts.date });
  const document = reportDocument(input, maps, opts);
  return { document, maps, html: reportHtml(document), indicatorsCsv: indicatorsCsv(indicatorRows(input, 'en'), indicatorRows(input, 'zh')) };
}
