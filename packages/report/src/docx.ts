import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageBreak, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, ReportDocument } from './document';
import { translator } from './text';

/** A PNG of each figure (same ids as the document's figures) and its pixel size. */
export type FigurePictures = ReadonlyMap<string, { png: Uint8Array; width: number; height: number }>;

/** Width of a picture on the page, in the 96-dpi pixels the docx package measures in (A4 text width ≈ 6.3 in). */
const PAGE_PX = 600;

function cellParagraph(text: string, bold: boolean, right: boolean): Paragraph {
  return new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold, size: 16 })] });
}

function blockParts(b: Block, pictures: FigurePictures): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'p':
      return [new Paragraph({ children: [new TextRun(b.text)], spacing: { after: 120 } })];
    case 'list':
      return b.items.map((x) => new Paragraph({ children: [new TextRun(x)], bullet: { level: 0 } }));
    case 'table': {
      const num = new Set(b.numeric ?? []);
      const fail = new Set(b.failRows ?? []);
      const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          rows: b.rows.map(
            (r, i) =>
              new TableRow({
                tableHeader: i === 0,
                children: r.map(
                  (c, j) =>
                    new TableCell({
                      children: [cellParagraph(c, i === 0, i > 0 && num.has(j))],
                      shading: i === 0 ? { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } : fail.has(i) ? { type: ShadingType.CLEAR, fill: 'FDE0DD', color: 'auto' } : undefined,
                    }),
                ),
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'figure': {
      const pic = pictures.get(b.id);
      const caption = new Paragraph({ children: [new TextRun({ text: b.caption, italics: true, size: 18 })], spacing: { after: 200 } });
      if (!pic) return [caption];
      return [new Paragraph({ children: [new ImageRun({ type: 'png', data: pic.png, transformation: { width: PAGE_PX, height: Math.round((PAGE_PX * pic.height) / pic.width) } })] }), caption];
    }
  }
}

/** report.docx: the same chapters for Word, figures as PNG pictures; page numbers in the footer. */
export async function reportDocx(doc: ReportDocument, pictures: FigurePictures): Promise<Uint8Array> {
  const t = translator(doc.lang);
  const cover: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    ...doc.cover.map((c) => new Paragraph({ children: [new TextRun({ text: `${c.label}: `, bold: true }), new TextRun(c.value)], spacing: { after: 120 } })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t('contents'))] }),
    ...doc.sections.map((s, i) => new Paragraph({ children: [new TextRun(`${i + 1}. ${s.title}`)] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body: (Paragraph | Table)[] = [];
  doc.sections.forEach((s, i) => {
    if (i > 0) body.push(new Paragraph({ children: [new PageBreak()] }));
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${i + 1}. ${s.title}`)] }));
    for (const b of s.blocks) body.push(...blockParts(b, pictures));
  });
  const document = new Document({
    title: doc.title,
    creator: 'firecover',
    styles: { default: { document: { run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Microsoft YaHei' }, size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] })] }) },
        children: [...cover, ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
