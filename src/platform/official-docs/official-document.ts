/**
 * An administrative document in the layout of Nghị định 30/2020/NĐ-CP Phụ lục I (domain.md §8): A4 portrait, margins
 * 20/20/30/15 mm, Times New Roman; issuing body top left (uppercase, bold, short line below), Quốc hiệu and Tiêu ngữ
 * top right (line below), Số/ký hiệu, place and date in italics ("Thông Thụ, ngày 05 tháng 3 năm 2026"), type and
 * trích yếu centred in bold, justified body with a first-line indent, "Nơi nhận" bottom left (bold italic 12, lines
 * 11) and the signature block bottom right (TM./KT./… uppercase bold, the signer's name bold); page numbers centred
 * in the top margin from page 2. Shared by every module that issues documents (discipline, inspections, reports).
 */
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, type Table, TextRun } from 'docx';
import { columns, type DataColumn, dataTable, FONT, grid, MM, para, rule, run } from './blocks';
import { documentInstant, reproducibleZip } from './reproducible';

/** A plain paragraph of the body (justified, first-line indent) or one with emphasis. */
export type TextBlock = string | { text: string; bold?: boolean; center?: boolean; italic?: boolean };
/** Items printed one per line after a marker ("- …", "a) …"), indented like body paragraphs; `marker: 'number'` prints "1. "… */
export interface ListBlock {
  list: string[];
  marker?: '-' | '+' | 'number' | 'letter';
}
/** A bordered table (checklist results, remediation deadlines) with a repeated header row. */
export interface TableBlock {
  table: { columns: DataColumn[]; rows: string[][] };
}
export type BodyBlock = TextBlock | ListBlock | TableBlock;

/** One signer in a signature area: authority line (TM./KT./…), title, room for the signature, name. */
export interface SignatureSlot {
  authorityLine?: string | null;
  title: string;
  name: string;
}

export interface OfficialDocument {
  /** e.g. "UBND tỉnh Nghệ An" above the issuer (regular), or null. */
  superiorBody: string | null;
  /** The issuing body, e.g. "Ủy ban nhân dân xã Thông Thụ" (printed uppercase, bold). */
  issuer: string;
  /** "15/QĐ-UBND"; null prints "Số:      /<symbol>" for a document numbered on issue. */
  number: string | null;
  numberSymbol: string;
  place: string;
  /** yyyy-mm-dd; also the fixed timestamp of the file, so the same document gives the same bytes. */
  date: string;
  /** "QUYẾT ĐỊNH", "GIẤY MỜI", "BIÊN BẢN" */
  type: string;
  summary: string | null;
  /** Lines printed centred in bold after the summary (e.g. the authority issuing a decision). */
  preamble?: string[];
  body: BodyBlock[];
  recipients: string[];
  signature: SignatureSlot;
  /** Extra signature at the left instead of "Nơi nhận" (minutes: the secretary). */
  leftSignature?: { title: string; name: string } | null;
  /**
   * Several signers side by side instead of the single block (minutes: the unit's representative on the left, the
   * team head on the right, the secretary on a row below). Rows of one or two slots; `signature` is then unused and
   * "Nơi nhận" follows the grid when there are recipients.
   */
  signatureRows?: SignatureSlot[][];
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
  return columns([left, right], [36, 64]);
}

function signatureHeading(s: SignatureSlot): Paragraph[] {
  const out: Paragraph[] = [];
  if (s.authorityLine) out.push(para([run(s.authorityLine.toUpperCase(), { bold: true })], { center: true }));
  out.push(para([run(s.title.toUpperCase(), { bold: true })], { center: true }));
  return out;
}

/** Room for the signature (and seal), then the signer's name. */
const signatureName = (s: SignatureSlot) => [para([run('')], { after: 1200 }), para([run(s.name, { bold: true })], { center: true })];

function signatureBlock(s: SignatureSlot): Paragraph[] {
  return [...signatureHeading(s), ...signatureName(s)];
}

/** One row of signers: headings in one table row, names in the next, so the names are level. */
function signatureRow(row: SignatureSlot[]): Table {
  if (row.length === 1) return grid([[[], signatureHeading(row[0] as SignatureSlot), []], [[], signatureName(row[0] as SignatureSlot), []]], [25, 50, 25]);
  const pcts = row.map(() => 100 / row.length);
  return grid([row.map(signatureHeading), row.map(signatureName)], pcts);
}

function recipientsBlock(recipients: string[]): Paragraph[] {
  return [
    para([run('Nơi nhận:', { bold: true, italic: true, size: 12 })]),
    ...recipients.map((r, i) => para([run(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: 11 })])),
  ];
}

function footer(doc: OfficialDocument): Array<Table | Paragraph> {
  if (doc.signatureRows?.length) {
    const out: Array<Table | Paragraph> = [];
    for (const row of doc.signatureRows) {
      out.push(signatureRow(row));
      out.push(para([run('')], { after: 240 }));
    }
    if (doc.recipients.length) out.push(...recipientsBlock(doc.recipients));
    return out;
  }
  const left: Paragraph[] = doc.leftSignature
    ? [para([run(doc.leftSignature.title.toUpperCase(), { bold: true })], { center: true, after: 1200 }), para([run(doc.leftSignature.name, { bold: true })], { center: true })]
    : recipientsBlock(doc.recipients);
  return [columns([left, signatureBlock(doc.signature)], [45, 55])];
}

const MARKERS = { '-': () => '- ', '+': () => '+ ', number: (i: number) => `${i + 1}. `, letter: (i: number) => `${String.fromCharCode(97 + (i % 26))}) ` };

function bodyBlock(b: BodyBlock): Array<Paragraph | Table> {
  if (typeof b === 'string') return [para([run(b)], { justify: true, indent: true, after: 120 })];
  if ('table' in b) return [dataTable(b.table.columns, b.table.rows), para([run('')], { after: 120 })];
  if ('list' in b) {
    const marker = MARKERS[b.marker ?? '-'];
    return b.list.map((item, i) => para([run(`${marker(i)}${item}`)], { justify: true, indent: true, after: 60 }));
  }
  return [para([run(b.text, { bold: b.bold, italic: b.italic })], { center: b.center, justify: !b.center, indent: !b.center, after: 120 })];
}

/** Page number centred in the top margin, 14 pt; the first page has an empty header (§8: "not on page 1"). */
function pageHeaders() {
  const number = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })] });
  return { default: new Header({ children: [number] }), first: new Header({ children: [new Paragraph({ children: [] })] }) };
}

/** The document as DOCX bytes; the same document always gives the same bytes (timestamps fixed to `doc.date`). */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const title: Paragraph[] = [para([run(doc.type.toUpperCase(), { bold: true })], { center: true })];
  if (doc.summary) title.push(para([run(doc.summary, { bold: true })], { center: true }), rule(165, 40));
  for (const p of doc.preamble ?? []) title.push(para([run(p, { bold: true })], { center: true, after: 120 }));
  const document = new Document({
    creator: 'Kỷ Cương',
    title: `${doc.type} ${doc.number ?? ''}`.trim(),
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM), header: Math.round(10 * MM) },
          },
        },
        headers: pageHeaders(),
        children: [header(doc), para([run('')], { after: 240 }), ...title, ...doc.body.flatMap(bodyBlock), para([run('')], { after: 120 }), ...footer(doc)],
      },
    ],
  });
  return reproducibleZip(await Packer.toBuffer(document), documentInstant(doc.date));
}
