import ExcelJS from 'exceljs';
import { formatTimestampVi } from '../../platform/time';
import type { ZipImportFileView, ZipImportView } from './enrollment-zip.repo';

const FONT = { name: 'Times New Roman', size: 12 };

function styleHeader(ws: ExcelJS.Worksheet) {
  const h = ws.getRow(1);
  h.font = { ...FONT, bold: true };
  h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F5' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

const viTime = (d: Date | null) => (d ? formatTimestampVi(d) : '');

const STATUS_VI: Record<ZipImportView['status'], string> = { QUEUED: 'Đang chờ', RUNNING: 'Đang xử lý', DONE: 'Hoàn tất', FAILED: 'Bị gián đoạn' };

/**
 * The per-file report of a zip enrollment, in the layout of the staff import's error report (Times New Roman,
 * frozen header, reasons in Vietnamese and English), with an autofilter so the office can sort by outcome.
 */
export async function writeZipImportReport(job: ZipImportView, files: ZipImportFileView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả từng ảnh');
  ws.columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Tệp ảnh / File', key: 'file', width: 34 },
    { header: 'Mã cán bộ / Code', key: 'code', width: 16 },
    { header: 'Họ và tên / Name', key: 'name', width: 28 },
    { header: 'Kết quả / Outcome', key: 'outcome', width: 22 },
    { header: 'Mã lý do / Reason code', key: 'reason', width: 22 },
    { header: 'Lý do', key: 'vi', width: 60 },
    { header: 'Reason', key: 'en', width: 60 },
    { header: 'Số mẫu / Templates', key: 'templates', width: 12 },
  ];
  styleHeader(ws);
  files.forEach((f, i) => {
    const row = ws.addRow({
      n: i + 1,
      file: f.file,
      code: f.employeeCode ?? '',
      name: f.fullName ?? '',
      outcome: f.outcome === 'ENROLLED' ? 'Đã đăng ký / Enrolled' : 'Bị từ chối / Rejected',
      reason: f.code ?? '',
      vi: f.message_vi ?? '',
      en: f.message_en ?? '',
      templates: f.templates,
    });
    row.font = FONT;
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, files.length + 1), column: 9 } };

  const sum = wb.addWorksheet('Tổng hợp');
  sum.columns = [
    { header: 'Mục', key: 'k', width: 36 },
    { header: 'Giá trị', key: 'v', width: 48 },
  ];
  styleHeader(sum);
  const lines: [string, string | number][] = [
    ['Tệp zip', job.fileName],
    ['Người thực hiện', job.requestedByName],
    ['Trạng thái', STATUS_VI[job.status]],
    ['Số ảnh', job.totalFiles],
    ['Đã đăng ký', job.enrolledFiles],
    ['Bị từ chối', job.rejectedFiles],
    ['Mẫu khuôn mặt đã tạo (kể cả bản đeo khẩu trang tổng hợp)', job.templatesCreated],
    ['Bộ nhận diện', job.engine ?? ''],
    ['Bắt đầu', viTime(job.startedAt)],
    ['Kết thúc', viTime(job.finishedAt)],
  ];
  for (const [k, v] of lines) sum.addRow({ k, v }).font = FONT;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
