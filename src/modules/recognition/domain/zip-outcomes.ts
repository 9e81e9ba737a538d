import { IMAGE_LIMITS } from '../../../platform/image/limits';

/**
 * Why a photo of an enrollment zip was not enrolled, one stable code per reason (the report filters on it) with a
 * sentence in Vietnamese and English that tells the operator what to do. Quality reasons come from
 * QUALITY_MESSAGES, so a photo refused in a zip reads the same as one refused on single upload.
 */
export type ZipRejectCode =
  | 'UNSAFE_NAME'
  | 'NOT_AN_IMAGE'
  | 'UNKNOWN_EMPLOYEE'
  | 'OUT_OF_SCOPE'
  | 'PERSON_LEFT'
  | 'CONSENT_REQUIRED'
  | 'IMAGE_TOO_LARGE'
  | 'IMAGE_TOO_MANY_PIXELS'
  | 'IMAGE_CORRUPT'
  | 'ZIP_ENTRY_CORRUPT'
  | 'ENROLL_FAILED';

const MB = IMAGE_LIMITS.maxBytes / 1024 / 1024;

export function zipRejectText(code: ZipRejectCode, vars: { code?: string | null } = {}): { vi: string; en: string } {
  const c = vars.code ?? '';
  switch (code) {
    case 'UNSAFE_NAME':
      return {
        vi: 'Tên tệp không hợp lệ (đường dẫn tuyệt đối hoặc có "..") — tệp zip có dấu hiệu bị tạo để tấn công; tệp này bị bỏ qua.',
        en: 'Unsafe file name (absolute path or ".." segments) — the zip looks crafted; this file was skipped.',
      };
    case 'NOT_AN_IMAGE':
      return {
        vi: 'Không phải tệp ảnh. Chỉ nhận ảnh JPEG, PNG hoặc WebP.',
        en: 'Not an image file. Only JPEG, PNG or WebP photos are accepted.',
      };
    case 'UNKNOWN_EMPLOYEE':
      return {
        vi: `Không có cán bộ nào mang mã "${c}". Đặt tên tệp theo mã cán bộ, ví dụ CB0012.jpg hoặc CB0012_2.jpg.`,
        en: `No staff member has the code "${c}". Name each file by employee code, e.g. CB0012.jpg or CB0012_2.jpg.`,
      };
    case 'OUT_OF_SCOPE':
      return {
        vi: 'Cán bộ này thuộc đơn vị ngoài phạm vi quản lý của bạn.',
        en: 'This staff member belongs to a unit outside your scope.',
      };
    case 'PERSON_LEFT':
      return { vi: 'Cán bộ này đã nghỉ việc; không đăng ký khuôn mặt.', en: 'This person has left; faces are not enrolled.' };
    case 'CONSENT_REQUIRED':
      return {
        vi: 'Chưa ghi nhận sự đồng ý của người này cho dữ liệu sinh trắc học; ảnh không được xử lý. Hãy ghi nhận đồng ý trước.',
        en: 'No biometric consent is recorded for this person; the photo was not processed. Record consent first.',
      };
    case 'IMAGE_TOO_LARGE':
      return { vi: `Tệp ảnh quá lớn (tối đa ${MB} MB).`, en: `The image file is too large (at most ${MB} MB).` };
    case 'IMAGE_TOO_MANY_PIXELS':
      return {
        vi: `Ảnh có quá nhiều điểm ảnh (tối đa ${IMAGE_LIMITS.maxPixels / 1_000_000} triệu).`,
        en: `The image has too many pixels (at most ${IMAGE_LIMITS.maxPixels / 1_000_000} megapixels).`,
      };
    case 'IMAGE_CORRUPT':
      return { vi: 'Ảnh bị hỏng, không đọc được. Hãy chụp hoặc xuất lại ảnh.', en: 'The image is damaged and cannot be read. Take or export it again.' };
    case 'ZIP_ENTRY_CORRUPT':
      return {
        vi: 'Không giải nén được tệp này (dữ liệu trong zip bị hỏng hoặc trùng tên với tệp khác).',
        en: 'This file could not be extracted (damaged data in the zip, or a name shared with another file).',
      };
    case 'ENROLL_FAILED':
      return { vi: 'Lỗi hệ thống khi lưu mẫu khuôn mặt; không có gì được lưu cho người này.', en: 'A system error occurred while saving; nothing was saved for this person.' };
  }
}
