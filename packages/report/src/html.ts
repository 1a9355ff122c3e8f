import type { Block, ReportDocument } from './document';
import { esc } from './escape';
import { translator } from './text';

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Noto Sans', 'Microsoft YaHei', sans-serif; color: #111; margin: 0 auto; max-width: 190mm; font-size: 10.5pt; line-height: 1.45; padding: 8mm 0; }
h1 { font-size: 22pt; margin: 30mm 0 8mm; }
h2 { font-size: 15pt; border-bottom: 1.5px solid #444; padding-bottom: 2px; margin-top: 10mm; break-after: avoid; }
section.chapter { break-before: page; }
.cover dl { display: grid; grid-template-columns: 40mm 1fr; gap: 3mm 6mm; }
.cover dt { font-weight: bold; }
.cover dd { margin: 0; }
.cover, nav.contents { break-after: page; }
nav.contents ol { font-size: 12pt; line-height: 2; }
nav.contents a { color: #111; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0 5mm; font-size: 8.5pt; break-inside: auto; }
th, td { border: 0.6pt solid #999; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nw { white-space: nowrap; }
tr.fail td { background: #fde0dd; }
tr { break-inside: avoid; }
figure { margin: 4mm 0 6mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 9pt; color: #444; margin-top: 1mm; }
ul.lines { padding-left: 5mm; }
ul.lines li { margin: 0.5mm 0; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
`;

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p>${esc(b.text)}</p>`;
    case 'list':
      return `<ul class="lines">${b.items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
    case 'table': {
      const [head, ...body] = b.rows;
      const num = new Set(b.numeric ?? []);
      const fail = new Set(b.failRows ?? []);
      const nowrap = new Set(b.nowrap ?? []);
      const cls = (j: number): string => (num.has(j) ? ' class="num"' : nowrap.has(j) ? ' class="nw"' : '');
      return (
        `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
        body.map((r, i) => `<tr${fail.has(i + 1) ? ' class="fail"' : ''}>${r.map((c, j) => `<td${cls(j)}>${esc(c)}</td>`).join('')}</tr>`).join('') +
        '</tbody></table>'
      );
    }
    case 'figure':
      // The SVG is our own renderer's output (every data text in it escaped): embed it as markup.
      return `<figure id="fig-${esc(b.id)}" data-${b.type}="${esc(b.id)}">${b.svg.replace(/^<\?xml[^>]*>\s*/, '')}<figcaption>${esc(b.caption)}</figcaption></figure>`;
  }
}

/** report.html: one file, styles and SVG inline, no script, no request to any server; prints on A4. */
export function reportHtml(doc: ReportDocument): string {
  const t = translator(doc.lang);
  const parts: string[] = [];
  parts.push('<!DOCTYPE html>');
  parts.push(`<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`);
  parts.push(`<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.title)}</title><style>${CSS}</style></head><body>`);
  parts.push(`<section class="cover"><h1>${esc(doc.title)}</h1><dl>${doc.cover.map((c) => `<dt>${esc(c.label)}</dt><dd>${esc(c.value)}</dd>`).join('')}</dl></section>`);
  parts.push(`<nav class="contents"><h2>${esc(t('contents'))}</h2><ol>${doc.sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`).join('')}</ol></nav>`);
  for (const s of doc.sections) parts.push(`<section class="chapter" id="${esc(s.id)}"><h2>${esc(s.title)}</h2>${s.blocks.map(blockHtml).join('\n')}</section>`);
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
