/**
 * The building blocks of an NĐ 30/2020 document (domain.md §8): Times New Roman runs in points, paragraphs with the
 * body's spacing, the short rules under the issuer and the tiêu ngữ, borderless layout tables and bordered data
 * tables. Widths are in twips (DXA) because LibreOffice ignores percentage column widths.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';

export const FONT = 'Times New Roman';
/** Twips per millimetre. */
export const MM = 56.7;
/** Text width of A4 with 30 + 15 mm side margins, in twips. */
export const TEXT_WIDTH = Math.round(165 * MM);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const ALL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points; 14 by default (body text). */
  size?: number;
}

export function run(text: string, o: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, bold: o.bold, italics: o.italic, size: (o.size ?? 14) * 2 });
}

export interface ParaStyle {
  center?: boolean;
  justify?: boolean;
  /** First-line indent of 1 cm (body paragraphs). */
  indent?: boolean;
  /** Space after, in twentieths of a point. */
  after?: number;
}

export function para(children: TextRun[], o: ParaStyle = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: o.center ? AlignmentType.CENTER : o.justify ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
    indent: o.indent ? { firstLine: Math.round(10 * MM) } : undefined,
    spacing: { after: o.after ?? 0, line: 276 },
  });
}

/** A short solid line under the text above it: an empty paragraph whose bottom border is `widthMm` long, centred. */
export function rule(containerMm: number, widthMm: number): Paragraph {
  const side = Math.round(((containerMm - widthMm) / 2) * MM);
  return new Paragraph({
    children: [new TextRun({ text: '', font: FONT, size: 4 })],
    indent: { left: side, right: side },
    spacing: { after: 120, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

function layoutCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
}

/** Borderless columns laid out side by side (header, signature areas); `pcts` sum to 100. */
export function columns(cols: Paragraph[][], pcts: number[]): Table {
  return grid([cols], pcts);
}

/**
 * Borderless rows of columns: a signature area puts the headings in one row and the names in the next, so names
 * stay level when one heading wraps to more lines than the other.
 */
export function grid(rows: Paragraph[][][], pcts: number[]): Table {
  const widths = pcts.map((p) => Math.round((TEXT_WIDTH * p) / 100));
  return new Table({
    rows: rows.map((cols) => new TableRow({ children: cols.map((c, i) => layoutCell(c.length ? c : [para([run('')])], widths[i] as number)) })),
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
  });
}

export interface DataColumn {
  title: string;
  /** Share of the text width, in percent. */
  widthPct: number;
  center?: boolean;
}

/** A bordered table with a bold header row that repeats on every page; text 13 pt, as tables in practice use. */
export function dataTable(cols: DataColumn[], rows: string[][]): Table {
  const widths = cols.map((c) => Math.round((TEXT_WIDTH * c.widthPct) / 100));
  const cellOf = (text: string, i: number, head: boolean) =>
    new TableCell({
      children: text.split('\n').map((line) => para([run(line, { bold: head, size: 13 })], { center: head || cols[i]?.center, after: 0 })),
      width: { size: widths[i] as number, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, children: cols.map((c, i) => cellOf(c.title, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: cols.map((_, i) => cellOf(r[i] ?? '', i, false)) })),
    ],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: ALL_LINES,
  });
}
