/**
 * The statistics of inspections as an XLSX workbook (issue 15 "Statistics … XLSX export"; issue 16 reuses it as an
 * annex of the periodic reports). Pure: the figures come in already counted (stats.service.ts: target units counted
 * on the org tree as of `asOf`), bytes come out. Same library and style as the monthly timesheet (exceljs, Times New
 * Roman, Vietnamese headings). Sheets: by kind of inspection; by target unit type ("21 cuộc: 8 UBND xã, 13 Sở"); the
 * findings by checklist item and by unit; by month. The same figures always give the same bytes (timestamps fixed to
 * `asOf`), so a regenerated annex hashes the same.
 */
import ExcelJS from 'exceljs';
import { documentInstant, reproducibleZip } from '../../platform/official-docs';
import { formatDateVi } from '../../platform/time';

interface Label {
  vi: string;
  en: string;
}

/** Structurally the result of inspectionStats (stats.service.ts), plus an optional scope name for the title. */
export interface InspectionStatsSheetInput {
  from: string;
  to: string;
  asOf: string;
  total: number;
  /** "Sở Nội vụ tỉnh Nghệ An" — the unit whose subtree was counted; null/absent = everything the reader may see. */
  scopeName?: string | null;
  byKind: Array<{ key: string; label: Label; count: number }>;
  byTargetType: Array<{ key: string; label: Label; count: number }>;
  findingsByItem: Array<{ code: string; titleVi: string; titleEn: string; findings: number; failed: number }>;
  findingsByUnit: Array<{ unitId: string; unitName: string; inspections: number; findings: number; violations: number }>;
  byMonth: Array<{ month: string; inspections: number; findings: number }>;
}

const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;

type Cell = string | number;
interface Table {
  headers: string[];
  widths: number[];
  rows: Cell[][];
  /** Label of the total row; null for none. The label spans the first two columns; numeric columns are summed. */
  total?: string | null;
  /** Total-row values that are not sums (a share column's total is 100 %), by column index. */
  totalOverride?: Record<number, Cell>;
  /** Excel number formats by column index ("0.0" for shares). */
  formats?: Record<number, string>;
}

/** "21 cuộc: 8 UBND xã, 13 Sở" — the count by target unit type in one line, as reports quote it. */
export function targetTypeSummary(s: Pick<InspectionStatsSheetInput, 'total' | 'byTargetType'>): string {
  const parts = s.byTargetType.filter((t) => t.count > 0).map((t) => `${t.count} ${t.label.vi}`);
  return `${s.total} cuộc${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/** "Tháng 02/2026" */
const monthLabel = (month: string) => `Tháng ${month.slice(5, 7)}/${month.slice(0, 4)}`;

const percent = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);

function addTable(ws: ExcelJS.Worksheet, t: Table, at: number): number {
  let r = at;
  const head = ws.getRow(r++);
  head.values = t.headers;
  // Two lines of 12 pt: a long heading wraps, and LibreOffice keeps the stored height rather than growing the row.
  head.height = 33;
  head.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BOX;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
  });
  const rows = [...t.rows];
  if (t.total) {
    const numeric = (i: number) => t.rows.length > 0 && t.rows.every((row) => typeof row[i] === 'number');
    const sum = (i: number) => t.rows.reduce((a, row) => a + (row[i] as number), 0);
    rows.push(t.headers.map((_, i) => (i === 0 ? (t.total ?? '') : i === 1 ? '' : (t.totalOverride?.[i] ?? (numeric(i) ? sum(i) : '')))));
  }
  rows.forEach((values, idx) => {
    const row = ws.getRow(r++);
    row.values = values;
    const isTotal = !!t.total && idx === rows.length - 1;
    if (isTotal) ws.mergeCells(row.number, 1, row.number, 2);
    for (let i = 1; i <= t.headers.length; i++) {
      const c = row.getCell(i);
      c.font = { ...FONT, bold: isTotal };
      c.border = BOX;
      const fmt = t.formats?.[i - 1];
      if (fmt) c.numFmt = fmt;
      c.alignment = typeof values[i - 1] === 'number' && i > 1 ? { horizontal: 'right', vertical: 'middle' } : { horizontal: i === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    }
  });
  t.widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, w);
  });
  return r;
}

/** A sheet with the title, the period line and one or more tables under their captions. */
function sheet(wb: ExcelJS.Workbook, name: string, s: InspectionStatsSheetInput, title: string, tables: Array<{ caption: string | null; table: Table }>, note?: string): void {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.8, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } } });
  const span = Math.max(...tables.map((t) => t.table.headers.length));
  const line = (r: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(r, 1, r, span);
    const c = ws.getCell(r, 1);
    c.value = text;
    c.font = { ...FONT, ...font };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(1, title, { size: 14, bold: true });
  line(2, `Từ ngày ${formatDateVi(s.from)} đến ngày ${formatDateVi(s.to)}${s.scopeName ? ` — ${s.scopeName}` : ''}`, { italic: true });
  let r = 4;
  if (note) {
    line(3, note, { italic: true });
    r = 5;
  }
  for (const { caption, table } of tables) {
    if (caption) {
      ws.getCell(r, 1).value = caption;
      ws.getCell(r, 1).font = { ...FONT, bold: true };
      r++;
    }
    r = addTable(ws, table, r) + 1;
  }
}

/** The workbook as bytes; the same input gives the same bytes. */
export async function inspectionStatsXlsx(s: InspectionStatsSheetInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const stamp = documentInstant(s.asOf);
  wb.creator = 'Kỷ Cương';
  wb.lastModifiedBy = 'Kỷ Cương';
  wb.created = stamp;
  wb.modified = stamp;
  sheet(wb, 'Theo loại hình', s, 'SỐ CUỘC KIỂM TRA CÔNG VỤ THEO LOẠI HÌNH', [
    {
      caption: null,
      table: {
        headers: ['STT', 'Loại hình kiểm tra', 'Số cuộc', 'Tỷ lệ (%)'],
        widths: [6, 40, 12, 12],
        rows: s.byKind.map((k, i) => [i + 1, k.label.vi, k.count, percent(k.count, s.total)]),
        total: 'Tổng cộng',
        totalOverride: { 3: s.total > 0 ? 100 : 0 },
        formats: { 3: '0.0' },
      },
    },
  ]);
  sheet(
    wb,
    'Theo loại đơn vị',
    s,
    'SỐ CUỘC KIỂM TRA THEO LOẠI ĐƠN VỊ ĐƯỢC KIỂM TRA',
    [
      {
        caption: null,
        table: {
          headers: ['STT', 'Loại đơn vị được kiểm tra', 'Số cuộc', 'Tỷ lệ (%)'],
          widths: [6, 40, 12, 12],
          rows: s.byTargetType.map((t, i) => [i + 1, t.label.vi, t.count, percent(t.count, s.total)]),
          total: 'Tổng cộng',
          totalOverride: { 3: s.total > 0 ? 100 : 0 },
          formats: { 3: '0.0' },
        },
      },
    ],
    `Đơn vị tính theo cơ cấu tổ chức ngày ${formatDateVi(s.asOf)}: ${targetTypeSummary(s)}.`,
  );
  sheet(wb, 'Vi phạm theo tiêu chí, đơn vị', s, 'KẾT QUẢ KIỂM TRA THEO TIÊU CHÍ VÀ THEO ĐƠN VỊ', [
    {
      caption: '1. Theo tiêu chí kiểm tra',
      table: {
        headers: ['STT', 'Tiêu chí kiểm tra', 'Số lượt không đạt', 'Số vi phạm ghi nhận'],
        widths: [6, 46, 20, 20],
        rows: s.findingsByItem.map((it, i) => [i + 1, it.titleVi, it.failed, it.findings]),
        total: 'Tổng cộng',
      },
    },
    {
      caption: '2. Theo đơn vị được kiểm tra',
      table: {
        headers: ['STT', 'Đơn vị được kiểm tra', 'Số cuộc', 'Số vi phạm ghi nhận', 'Số vi phạm chuyển xử lý'],
        widths: [6, 40, 12, 20, 20],
        rows: s.findingsByUnit.map((u, i) => [i + 1, u.unitName, u.inspections, u.findings, u.violations]),
        total: 'Tổng cộng',
      },
    },
  ]);
  sheet(wb, 'Theo tháng', s, 'SỐ CUỘC KIỂM TRA VÀ VI PHẠM THEO THÁNG', [
    {
      caption: null,
      table: {
        headers: ['STT', 'Tháng', 'Số cuộc kiểm tra', 'Số vi phạm ghi nhận'],
        widths: [6, 24, 18, 18],
        rows: s.byMonth.map((m, i) => [i + 1, monthLabel(m.month), m.inspections, m.findings]),
        total: 'Tổng cộng',
      },
    },
  ]);
  return reproducibleZip(new Uint8Array(await wb.xlsx.writeBuffer()), stamp);
}
