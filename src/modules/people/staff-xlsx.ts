import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDateVi } from '../../platform/time';
import { cellText, type RejectedRow, STAFF_COLUMNS } from './domain/staff-row';
import { CATEGORY_LABELS, GENDER_LABELS, type PersonRow, STATUS_LABELS } from './people.types';

const FONT = { name: 'Times New Roman', size: 12 };

function styleHeader(ws: ExcelJS.Worksheet) {
  const h = ws.getRow(1);
  h.font = { ...FONT, bold: true };
  h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F5' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

const viDate = (iso: string | null) => (iso ? formatDateVi(iso) : '');

/** The empty import template, with a second sheet that explains each column and the accepted values. */
export async function staffTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách cán bộ');
  ws.columns = STAFF_COLUMNS.map((c) => ({ header: c.vi, key: c.key, width: 22 }));
  styleHeader(ws);
  ws.addRow({
    employeeCode: 'CB0001',
    fullName: 'Nguyễn Văn An',
    gender: 'Nam',
    birthDate: '15/03/1985',
    category: 'Công chức',
    positionTitle: 'Chuyên viên',
    unitCode: 'VP-UBND',
    status: STATUS_LABELS.WORKING.vi,
    email: 'an.nv@example.gov.vn',
    phone: '0912345678',
    joinedOn: '01/07/2025',
  });
  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'col', width: 20 },
    { header: 'Bắt buộc', key: 'req', width: 10 },
    { header: 'Giá trị hợp lệ', key: 'vals', width: 80 },
  ];
  styleHeader(help);
  const vals: Record<string, string> = {
    category: Object.values(CATEGORY_LABELS).map((l) => l.vi).join(', '),
    status: Object.values(STATUS_LABELS).map((l) => l.vi).join(', '),
    gender: Object.values(GENDER_LABELS).map((l) => l.vi).join(', '),
    birthDate: 'dd/MM/yyyy',
    joinedOn: 'dd/MM/yyyy',
    unitCode: 'Mã đơn vị trong cây tổ chức (xem trang Tổ chức)',
    employeeCode: 'Chữ, số, _ . - (tối đa 40 ký tự); trùng mã = cập nhật hồ sơ đã có',
  };
  for (const c of STAFF_COLUMNS) help.addRow({ col: c.vi, req: c.required ? 'Có' : '', vals: vals[c.key] ?? '' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Rejected rows with their original values and every reason, in Vietnamese and English. Written with the streaming
 * writer (rows are committed as they are added), so a report of 100,000 rejected rows does not hold a workbook of
 * cell objects in memory.
 */
export async function writeErrorReport(rejected: RejectedRow[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('Dòng bị từ chối', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Dòng', key: 'row', width: 8 },
    ...STAFF_COLUMNS.map((c) => ({ header: c.vi, key: c.key, width: 18 })),
    { header: 'Lý do', key: 'vi', width: 60 },
    { header: 'Reason', key: 'en', width: 60 },
  ];
  const head = ws.getRow(1);
  head.font = { ...FONT, bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F5' } };
  head.commit();
  for (const r of rejected) {
    const row: Record<string, unknown> = { row: r.rowNumber };
    for (const c of STAFF_COLUMNS) row[c.key] = cellText(r.raw[c.key]);
    row.vi = r.problems.map((p) => `${labelOf(p.field, 'vi')}: ${p.vi}`).join('\n');
    row.en = r.problems.map((p) => `${labelOf(p.field, 'en')}: ${p.en}`).join('\n');
    const added = ws.addRow(row);
    added.alignment = { wrapText: true, vertical: 'top' };
    added.commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

function labelOf(field: string, lang: 'vi' | 'en'): string {
  const c = STAFF_COLUMNS.find((s) => s.key === field);
  return c ? c[lang] : lang === 'vi' ? 'Dòng' : 'Row';
}

/** Staff export in the same layout as the import template, so an export can be edited and imported back. */
export async function exportStaff(rows: AsyncIterable<PersonRow>, unitCodes: Map<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách cán bộ');
  ws.columns = [...STAFF_COLUMNS.map((c) => ({ header: c.vi, key: c.key, width: 20 })), { header: 'Tên đơn vị', key: 'unitName', width: 36 }];
  styleHeader(ws);
  for await (const p of rows) {
    ws.addRow({
      employeeCode: p.employee_code,
      fullName: p.full_name,
      gender: p.gender ? GENDER_LABELS[p.gender as keyof typeof GENDER_LABELS]?.vi : '',
      birthDate: viDate(p.birth_date),
      category: CATEGORY_LABELS[p.category].vi,
      positionTitle: p.position_title ?? '',
      unitCode: unitCodes.get(p.unit_id) ?? '',
      status: STATUS_LABELS[p.status].vi,
      email: p.email ?? '',
      phone: p.phone ?? '',
      joinedOn: viDate(p.joined_on),
      unitName: p.unit_name ?? '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
