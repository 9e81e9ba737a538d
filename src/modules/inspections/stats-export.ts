import { AppError } from '../../platform/errors';
import type { inspectionStats } from './stats.service';

/**
 * The statistics as XLSX bytes through I2's pure builder (stats.xlsx.ts). Until that builder lands the export answers
 * 503 with its code, so the route, its schema and its audit are in place.
 */
export async function statsXlsx(_stats: Awaited<ReturnType<typeof inspectionStats>>): Promise<Uint8Array> {
  throw new AppError(503, 'INSPECTION_XLSX_UNAVAILABLE', 'Chức năng xuất Excel thống kê kiểm tra chưa sẵn sàng.', 'The XLSX export of inspection statistics is not available yet.');
}
