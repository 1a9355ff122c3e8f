/** The report as a neutral document: the HTML, the PDF (printed from the HTML) and the DOCX render the same blocks. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: string[][]; /** cells of these columns are numbers (right-aligned) */ numeric?: number[]; /** cells of these columns never wrap */ nowrap?: number[]; /** rows (1-based in body) marked as failing */ failRows?: number[] }
  | { kind: 'figure'; id: string; caption: string; svg: string; /** a map (maps/<id>.svg) or a chart (charts/<id>.svg) */ type: 'map' | 'chart' };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  lang: 'en' | 'zh';
  title: string;
  /** Cover lines: label and value. */
  cover: { label: string; value: string }[];
  /** The overridden rules: rule, value, clause. */
  overrides: string[][];
  sections: Section[];
}
