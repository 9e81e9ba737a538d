/**
 * An administrative document in the layout of Nghị định 30/2020/NĐ-CP Phụ lục I (domain.md §8): A4 portrait, margins
 * 20/20/30/15 mm, Times New Roman; issuing body top left (uppercase, bold, short line below), Quốc hiệu and Tiêu ngữ
 * top right (line below), Số/ký hiệu, place and date in italics ("Thông Thụ, ngày 05 tháng 3 năm 2026"), type and
 * trích yếu centred in bold, justified body with a first-line indent, "Nơi nhận" bottom left (bold italic 12, lines
 * 11) and the signature block bottom right (TM./KT./… uppercase bold, the signer's name bold).
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export interface OfficialDocument {
  /** e.g. "UBND tỉnh Nghệ An" above the issuer (regular), or null. */
  superiorBody: string | null;
  /** The issuing body, e.g. "Ủy ban nhân dân xã Thông Thụ" (printed uppercase, bold). */
  issuer: string;
  /** "15/QĐ-UBND"; null prints "Số:      /<symbol>" for a document numbered on issue. */
  number: string | null;
  numberSymbol: string;
  place: string;
  /** yyyy-mm-dd */
  date: string;
  /** "QUYẾT ĐỊNH", "GIẤY MỜI", "BIÊN BẢN" */
  type: string;
  summary: string | null;
  /** Lines printed centred in bold after the summary (e.g. the authority issuing a decision). */
  preamble?: string[];
  body: Array<string | { text: string; bold?: boolean; center?: boolean; italic?: boolean }>;
  recipients: string[];
  signature: { authorityLine: string | null; title: string; name: string };
  /** Extra signature at the left instead of "Nơi nhận" (minutes: the secretary). */
  leftSignature?: { title: string; name: string } | null;
}

function run(text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, bold: o.bold, italics: o.italic, size: (o.size ?? 14) * 2 });
}

function para(children: TextRun[], o: { center?: boolean; justify?: boolean; indent?: boolean; after?: number } = {}) {
  return new Paragraph({
    children,
    alignment: o.center ? AlignmentType.CENTER : o.justify ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
    indent: o.indent ? { firstLine: Math.round(10 * MM) } : undefined,
    spacing: { after: o.after ?? 0, line: 276 },
  });
}

/** Text width of A4 with 30 + 15 mm side margins, in twips; LibreOffice needs column widths in twips, not percentages. */
const TEXT_WIDTH = Math.round(165 * MM);

/** A short solid line under the text above it: an empty paragraph whose bottom border is `widthMm` long, centred. */
function rule(containerMm: number, widthMm: number): Paragraph {
  const side = Math.round(((containerMm - widthMm) / 2) * MM);
  return new Paragraph({
    children: [new TextRun({ text: '', font: FONT, size: 4 })],
    indent: { left: side, right: side },
    spacing: { after: 120, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({ children, width: { size: Math.round((TEXT_WIDTH * widthPct) / 100), type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftPct: number): Table {
  const l = Math.round((TEXT_WIDTH * leftPct) / 100);
  return new Table({
    rows: [new TableRow({ children: [cell(left, leftPct), cell(right, 100 - leftPct)] })],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [l, TEXT_WIDTH - l],
    borders: NO_BORDERS,
  });
}

/** "Thông Thụ, ngày 05 tháng 3 năm 2026": day < 10 and months 1–2 take a leading zero (§8). */
export function placeAndDate(place: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

export function numberLine(number: string | null, symbol: string): string {
  return number ? `Số: ${number}` : `Số:      /${symbol}`;
}

function header(doc: OfficialDocument): Table {
  const left: Paragraph[] = [];
  if (doc.superiorBody) left.push(para([run(doc.superiorBody.toUpperCase(), { size: 13 })], { center: true }));
  left.push(para([run(doc.issuer.toUpperCase(), { bold: true, size: 13 })], { center: true }), rule(59, 20));
  left.push(para([run(numberLine(doc.number, doc.numberSymbol), { size: 13 })], { center: true }));
  const right = [
    para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 })], { center: true }),
    para([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 })], { center: true }),
    rule(106, 62),
    para([run(placeAndDate(doc.place, doc.date), { italic: true, size: 14 })], { center: true }),
  ];
  return twoColumns(left, right, 36);
}

function footer(doc: OfficialDocument): Table {
  const left: Paragraph[] = doc.leftSignature
    ? [para([run(doc.leftSignature.title.toUpperCase(), { bold: true })], { center: true, after: 1200 }), para([run(doc.leftSignature.name, { bold: true })], { center: true })]
    : [
        para([run('Nơi nhận:', { bold: true, italic: true, size: 12 })]),
        ...doc.recipients.map((r, i) => para([run(`- ${r}${i === doc.recipients.length - 1 ? '.' : ';'}`, { size: 11 })])),
      ];
  const right: Paragraph[] = [];
  if (doc.signature.authorityLine) right.push(para([run(doc.signature.authorityLine.toUpperCase(), { bold: true })], { center: true }));
  right.push(para([run(doc.signature.title.toUpperCase(), { bold: true })], { center: true, after: 1200 }));
  right.push(para([run(doc.signature.name, { bold: true })], { center: true }));
  return twoColumns(left, right, 45);
}

/** The document as DOCX bytes. */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const title: Paragraph[] = [para([run(doc.type.toUpperCase(), { bold: true })], { center: true })];
  if (doc.summary) title.push(para([run(doc.summary, { bold: true })], { center: true }), rule(165, 40));
  for (const p of doc.preamble ?? []) title.push(para([run(p, { bold: true })], { center: true, after: 120 }));
  const body = doc.body.map((b) =>
    typeof b === 'string' ? para([run(b)], { justify: true, indent: true, after: 120 }) : para([run(b.text, { bold: b.bold, italic: b.italic })], { center: b.center, justify: !b.center, indent: !b.center, after: 120 }),
  );
  const document = new Document({
    creator: 'Kỷ Cương',
    title: `${doc.type} ${doc.number ?? ''}`.trim(),
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: { page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } } },
        children: [header(doc), para([run('')], { after: 240 }), ...title, ...body, para([run('')], { after: 120 }), footer(doc)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
