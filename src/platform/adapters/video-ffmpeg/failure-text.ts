import { classifyFailure } from './run';

/**
 * Why an ingest or relay process stopped, as a sentence an operator can act on, "<tiếng Việt> / <English>": it
 * becomes the camera's health detail and the reason of the recording gap. ffmpeg's own last lines (timestamp
 * warnings, file names cut at 500 characters) said nothing useful there.
 */
export function describeStop(stderr: string, exit: { code: number | null; signal: NodeJS.Signals | null; stalledSeconds?: number }): string {
  if (exit.stalledSeconds !== undefined)
    return `luồng bị treo: không nhận được hình trong ${exit.stalledSeconds} giây / stream stalled: no video for ${exit.stalledSeconds} s`;
  const s = stderr.toLowerCase();
  switch (classifyFailure(stderr, false)) {
    case 'UNREACHABLE':
      return `nguồn không truy cập được / source unreachable (${unreachableDetail(s)})`;
    case 'AUTH_FAILED':
      return 'camera từ chối tên đăng nhập hoặc mật khẩu / the camera refused the username or password (401)';
    case 'NOT_FOUND':
      return 'camera không có luồng ở đường dẫn này / no stream at this address (404)';
    case 'TIMEOUT':
      return 'nguồn không phản hồi (quá thời gian chờ) / source did not answer (timeout)';
    case 'NO_VIDEO':
      return 'luồng không có hình / the stream has no video';
    case 'INVALID_URL':
      return 'địa chỉ luồng không hợp lệ / invalid stream address';
    default:
      break;
  }
  if (s.includes('no space left on device')) return 'hết dung lượng đĩa ghi hình / recording disk full';
  if (/could not open file|failed to open segment|permission denied/.test(s))
    return 'không ghi được tệp ghi hình / cannot write the recording file';
  if (s.includes('connection reset') || s.includes('end of file') || s.includes('broken pipe'))
    return 'nguồn ngắt kết nối / the source closed the connection';
  if (s.includes('invalid data found')) return 'dữ liệu từ nguồn không đọc được / unreadable data from the source';
  if (exit.code === 0) return 'nguồn ngừng phát luồng / the source ended the stream';
  if (exit.signal) return `trình ghi hình bị dừng (${exit.signal}) / recorder process stopped (${exit.signal})`;
  return `trình ghi hình dừng bất thường (mã ${exit.code}) / recorder process failed (exit code ${exit.code})`;
}

function unreachableDetail(s: string): string {
  if (s.includes('connection refused')) return 'connection refused';
  if (s.includes('no route to host')) return 'no route to host';
  if (s.includes('network is unreachable')) return 'network unreachable';
  return 'name not resolved';
}
