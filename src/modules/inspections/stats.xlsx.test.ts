import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import ExcelJS from 'exceljs';
import { flat, hasLibreOfficeCalc, officeText } from '../../platform/official-docs/test/office-text';
import type { inspectionStats } from './stats.service';
import { type InspectionStatsSheetInput, inspectionStatsXlsx, targetTypeSummary } from './stats.xlsx';

// The statistics the API computes go into the builder as they are (checked by the type checker, not at run time).
export const statsFitTheWorkbook = (s: Awaited<ReturnType<typeof inspectionStats>>): InspectionStatsSheetInput => s;

/** Seed 000's year: 21 inspections at 8 communes and 13 departments, one of them the inter-agency surprise check. */
const STATS: InspectionStatsSheetInput = {
  from: '2026-01-01',
  to: '2026-06-30',
  asOf: '2026-06-30',
  total: 21,
  scopeName: 'UBND tỉnh Nghệ An',
  byKind: [
    { key: 'PLANNED', label: { vi: 'Theo kế hoạch', en: 'Planned' }, count: 17 },
    { key: 'SURPRISE', label: { vi: 'Đột xuất', en: 'Surprise' }, count: 3 },
    { key: 'INTER_AGENCY', label: { vi: 'Liên ngành', en: 'Inter-agency' }, count: 1 },
  ],
  byTargetType: [
    { key: 'SO', label: { vi: 'Sở', en: 'Provincial department' }, count: 13 },
    { key: 'UBND_XA', label: { vi: 'UBND xã', en: 'Commune People’s Committee' }, count: 8 },
  ],
  findingsByItem: [
    { code: 'WORKING_HOURS', titleVi: 'Chấp hành thời giờ làm việc', titleEn: 'Working hours', findings: 14, failed: 6 },
    { code: 'ID_CARD', titleVi: 'Đeo thẻ công chức, viên chức', titleEn: 'ID card', findings: 9, failed: 5 },
    { code: 'ALCOHOL', titleVi: 'Không uống rượu, bia trước và trong giờ làm việc', titleEn: 'No alcohol', findings: 1, failed: 1 },
  ],
  findingsByUnit: [
    { unitId: 'u1', unitName: 'UBND xã Thông Thụ', inspections: 2, findings: 11, violations: 7 },
    { unitId: 'u2', unitName: 'Sở Tài nguyên và Môi trường', inspections: 1, findings: 8, violations: 3 },
    { unitId: 'u3', unitName: 'UBND xã Đồng Văn', inspections: 1, findings: 5, violations: 2 },
  ],
  byMonth: [
    { month: '2026-02', inspections: 5, findings: 9 },
    { month: '2026-03', inspections: 7, findings: 8 },
    { month: '2026-05', inspections: 9, findings: 7 },
  ],
};

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

it('quotes the count by target type in one line', () => {
  assert.equal(targetTypeSummary(STATS), '21 cuộc: 13 Sở, 8 UBND xã');
  assert.equal(targetTypeSummary({ total: 0, byTargetType: [] }), '0 cuộc');
});

it('writes four sheets with numbers as numbers and totals', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await inspectionStatsXlsx(STATS)) as unknown as ArrayBuffer);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Theo loại hình', 'Theo loại đơn vị', 'Vi phạm theo tiêu chí, đơn vị', 'Theo tháng'],
  );
  const byKind = wb.getWorksheet('Theo loại hình') as ExcelJS.Worksheet;
  const values = (r: number) => (byKind.getRow(r).values as unknown[]).slice(1);
  assert.deepEqual(values(4), ['STT', 'Loại hình kiểm tra', 'Số cuộc', 'Tỷ lệ (%)']);
  assert.deepEqual(values(5), [1, 'Theo kế hoạch', 17, 81]);
  assert.deepEqual(values(8), ['Tổng cộng', 'Tổng cộng', 21, 100]);
  const byMonth = wb.getWorksheet('Theo tháng') as ExcelJS.Worksheet;
  assert.deepEqual((byMonth.getRow(5).values as unknown[]).slice(1), [1, 'Tháng 02/2026', 5, 9]);
});

it('converts with LibreOffice: Vietnamese headings, the period, the as-of line and every figure', async () => {
  // Calc is its own package (libreoffice-calc-nogui, in scripts/system-deps.sh); without it the conversion's error
  // ("source file could not be loaded") would wrongly blame the workbook.
  assert.ok(hasLibreOfficeCalc(), 'LibreOffice Calc is not installed: run scripts/system-deps.sh');
  const text = flat(officeText(await inspectionStatsXlsx(STATS), 'xlsx'));
  for (const s of [
    'SỐ CUỘC KIỂM TRA CÔNG VỤ THEO LOẠI HÌNH',
    'Từ ngày 01/01/2026 đến ngày 30/06/2026 — UBND tỉnh Nghệ An',
    'Theo kế hoạch',
    'Đột xuất',
    'Liên ngành',
    'Tổng cộng',
    'SỐ CUỘC KIỂM TRA THEO LOẠI ĐƠN VỊ ĐƯỢC KIỂM TRA',
    'Đơn vị tính theo cơ cấu tổ chức ngày 30/06/2026: 21 cuộc: 13 Sở, 8 UBND xã.',
    'KẾT QUẢ KIỂM TRA THEO TIÊU CHÍ VÀ THEO ĐƠN VỊ',
    '1. Theo tiêu chí kiểm tra',
    'Đeo thẻ công chức, viên chức',
    '2. Theo đơn vị được kiểm tra',
    'Sở Tài nguyên và Môi trường',
    'UBND xã Đồng Văn',
    'SỐ CUỘC KIỂM TRA VÀ VI PHẠM THEO THÁNG',
    'Tháng 05/2026',
  ])
    assert.ok(text.includes(s), `missing "${s}" in:\n${text}`);
  // Shares with one decimal (the separator follows the reader's locale), counts and totals as written.
  for (const n of ['81[.,]0', '14[.,]3', '61[.,]9', '38[.,]1', '100[.,]0', '24', '21']) assert.match(text, new RegExp(`(^|\\s)${n}(\\s|$)`), `figure ${n}`);
});

it('gives the same bytes for the same figures', async () => {
  assert.equal(sha(await inspectionStatsXlsx(STATS)), sha(await inspectionStatsXlsx(structuredClone(STATS))));
});
