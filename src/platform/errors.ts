/**
 * One error type for the whole server. Every error a user can cause carries a stable code and a message in
 * Vietnamese and English; the HTTP layer turns it into `{code, message_vi, message_en, details}`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
  }
}

export const errors = {
  badRequest: (code: string, vi: string, en: string, details?: unknown) => new AppError(400, code, vi, en, details),
  unauthenticated: () =>
    new AppError(401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.', 'You need to sign in to continue.'),
  forbidden: (details?: unknown) =>
    new AppError(403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.', details),
  outOfScope: () =>
    new AppError(
      403,
      'OUT_OF_SCOPE',
      'Dữ liệu này thuộc đơn vị ngoài phạm vi quản lý của bạn.',
      'This record belongs to a unit outside your scope.',
    ),
  notFound: (what: string, whatVi: string) =>
    new AppError(404, 'NOT_FOUND', `Không tìm thấy ${whatVi}.`, `${what} not found.`),
  conflict: (code: string, vi: string, en: string, details?: unknown) => new AppError(409, code, vi, en, details),
  csrf: () =>
    new AppError(
      403,
      'CSRF_TOKEN_INVALID',
      'Mã chống giả mạo yêu cầu (CSRF) không hợp lệ. Hãy tải lại trang.',
      'The anti-forgery (CSRF) token is missing or wrong. Reload the page.',
    ),
};
