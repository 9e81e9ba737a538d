/**
 * Every error `code` the server can send in its `{code, message_vi, message_en, details}` body, with the HTTP status
 * it comes with and what it means, in Vietnamese and English. The messages actually sent are written where the error
 * is raised (they often name the record or the limit); these meanings are for integrators and the OpenAPI document,
 * where `ErrorResponse.code` is an enum of this catalogue.
 *
 * test/contract/error-catalogue.test.ts scans the sources for the codes raised and fails when one is missing here,
 * so a new code is documented when it is introduced.
 */
export interface ErrorMeaning {
  /** The HTTP status(es) the code is sent with (a few codes are shared by routes that answer differently). */
  status: number | readonly number[];
  vi: string;
  en: string;
  /** Sent by the framework or a plugin (not raised in our code), so the source scan cannot find it. */
  framework?: true;
}

export const ERROR_CATALOGUE = {
  // HTTP layer: request shape, limits, routing, availability (src/platform/http/server.ts, src/app/run.ts).
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên (thân, tham số đường dẫn hoặc truy vấn) không đúng lược đồ; `details` liệt kê từng lỗi.', en: 'The request data (body, path or query) does not match the schema; `details` lists each problem.' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  EMPTY_BODY: { status: 400, vi: 'Yêu cầu khai báo JSON nhưng không có nội dung.', en: 'The request declares JSON but has no body.' },
  BAD_CONTENT_LENGTH: { status: 400, vi: 'Độ dài nội dung khai báo không khớp với nội dung.', en: 'The declared content length does not match the body.' },
  BAD_URL: { status: 400, vi: 'Đường dẫn không hợp lệ (ví dụ mã hóa phần trăm sai).', en: 'The URL is not valid (e.g. broken percent-encoding).' },
  MALFORMED_REQUEST: { status: 400, vi: 'Yêu cầu HTTP không đúng cú pháp.', en: 'The HTTP request is malformed.' },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu bị thư viện máy chủ từ chối; `message_en` nêu lý do.', en: 'A request the server framework refused; `message_en` gives the reason.', framework: true },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có đường dẫn API này.', en: 'There is no such API route.' },
  REQUEST_TIMEOUT: { status: 408, vi: 'Yêu cầu gửi đến quá chậm.', en: 'The request took too long to arrive.' },
  BODY_TOO_LARGE: { status: 413, vi: 'Nội dung gửi lên vượt giới hạn kích thước.', en: 'The request body exceeds the size limit.' },
  URL_TOO_LONG: { status: 414, vi: 'Đường dẫn hoặc tham số quá dài.', en: 'The URL or a path parameter is too long.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Kiểu nội dung (Content-Type) không được hỗ trợ.', en: 'The content type is not supported.' },
  HEADERS_TOO_LARGE: { status: 431, vi: 'Phần đầu (header) của yêu cầu quá lớn.', en: 'The request headers are too large.' },
  TOO_MANY_REQUESTS: { status: 429, vi: 'Thử quá nhiều lần trong thời gian ngắn (ví dụ đăng nhập); hãy đợi rồi thử lại.', en: 'Too many attempts in a short time (e.g. sign-in); wait and try again.' },
  UPLOAD_RATE_LIMITED: { status: 429, vi: 'Tải tệp lên quá nhiều lần trong thời gian ngắn; `details.retryAfterSeconds` cho biết khi nào thử lại.', en: 'Too many uploads in a short time; `details.retryAfterSeconds` says when to retry.' },
  INTERNAL_ERROR: { status: 500, vi: 'Lỗi hệ thống; báo cho quản trị viên kèm `correlation_id`.', en: 'Internal error; report it to the administrator with the `correlation_id`.' },
  STARTING: { status: 503, vi: 'Máy chủ đang khởi động; thử lại sau ít giây (xem Retry-After).', en: 'The server is starting; retry in a few seconds (see Retry-After).' },
  STOPPING: { status: 503, vi: 'Máy chủ đang dừng; thử lại sau ít phút (xem Retry-After).', en: 'The server is stopping; retry in a few minutes (see Retry-After).' },
  DATABASE_UNAVAILABLE: { status: 503, vi: 'Tạm thời không kết nối được cơ sở dữ liệu; có thể thử lại.', en: 'The database is temporarily unreachable; the request may be retried.' },
  DATABASE_TIMEOUT: { status: 503, vi: 'Cơ sở dữ liệu không trả lời kịp; có thể thử lại.', en: 'The database did not answer in time; the request may be retried.' },
  METRICS_TOKEN_REQUIRED: { status: 401, vi: 'Đọc số liệu giám sát cần mã truy cập Bearer.', en: 'Reading metrics needs the bearer token.' },
  METRICS_LOCAL_ONLY: { status: 403, vi: 'Số liệu giám sát chỉ đọc được từ chính máy chủ (hoặc khi đặt KC_METRICS_TOKEN).', en: 'Metrics can only be read from the server itself (or with KC_METRICS_TOKEN set).' },

  // Multipart uploads: @fastify/multipart errors passed through with their own code (message_en from the plugin).
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 406, vi: 'Yêu cầu không phải multipart/form-data.', en: 'The request is not multipart/form-data.', framework: true },
  FST_INVALID_JSON_FIELD_ERROR: { status: 406, vi: 'Một trường khai báo JSON nhưng không phải JSON hợp lệ.', en: 'A field declared as JSON is not valid JSON.', framework: true },
  FST_PROTO_VIOLATION: { status: 400, vi: 'Tên trường không được phép (prototype).', en: 'A field name is not allowed (prototype property).', framework: true },
  FST_MP_PREMATURE_CLOSE: { status: 400, vi: 'Kết nối đóng trước khi gửi xong biểu mẫu multipart.', en: 'The connection closed before the multipart form was complete.', framework: true },
  FST_REQ_FILE_TOO_LARGE: { status: 413, vi: 'Tệp tải lên vượt giới hạn kích thước.', en: 'An uploaded file exceeds the size limit.', framework: true },
  FST_FILES_LIMIT: { status: 413, vi: 'Quá nhiều tệp trong một lần tải lên.', en: 'Too many files in one upload.', framework: true },
  FST_FIELDS_LIMIT: { status: 413, vi: 'Quá nhiều trường trong biểu mẫu.', en: 'Too many fields in the form.', framework: true },
  FST_PARTS_LIMIT: { status: 413, vi: 'Quá nhiều phần trong biểu mẫu multipart.', en: 'Too many parts in the multipart form.', framework: true },

  // Access (session, permissions, scope, CSRF).
  UNAUTHENTICATED: { status: 401, vi: 'Cần đăng nhập (không có phiên hoặc phiên đã hết hạn).', en: 'Sign-in required (no session, or it expired).' },
  FORBIDDEN: { status: 403, vi: 'Vai trò của người dùng không có quyền này; `details.permission` nêu quyền cần có.', en: 'The user’s roles lack this permission; `details.permission` names it.' },
  OUT_OF_SCOPE: { status: 403, vi: 'Dữ liệu thuộc đơn vị ngoài phạm vi quản lý của người dùng (hoặc của thiết bị).', en: 'The record belongs to a unit outside the user’s (or the device’s) scope.' },
  CSRF_TOKEN_INVALID: { status: 403, vi: 'Thiếu hoặc sai mã chống giả mạo (header X-CSRF-Token) trên yêu cầu ghi.', en: 'The anti-forgery token (X-CSRF-Token header) of a write is missing or wrong.' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, vi: 'Phải đổi mật khẩu do quản trị viên cấp trước khi làm việc khác.', en: 'The password set by an administrator must be changed before anything else.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy bản ghi được yêu cầu.', en: 'The requested record does not exist.' },
  ORIGIN_NOT_ALLOWED: { status: 403, vi: 'Trang web gửi yêu cầu không được phép mở xem trực tiếp.', en: 'The web page that sent the request may not open the live view.' },

  // Accounts and sign-in.
  INVALID_CREDENTIALS: { status: 401, vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  ACCOUNT_LOCKED: { status: 423, vi: 'Tài khoản tạm khóa sau nhiều lần đăng nhập sai.', en: 'The account is locked for a while after repeated failed sign-ins.' },
  WRONG_PASSWORD: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  WEAK_PASSWORD: { status: 400, vi: 'Mật khẩu mới không đạt yêu cầu độ mạnh; thông báo nêu lý do.', en: 'The new password is too weak; the message says why.' },
  USERNAME_TAKEN: { status: 409, vi: 'Tên đăng nhập đã được dùng.', en: 'The username is taken.' },
  ROLE_EXISTS: { status: 409, vi: 'Người dùng đã có vai trò này tại đơn vị này.', en: 'The user already holds this role in this unit.' },
  USER_INACTIVE: { status: 400, vi: 'Tài khoản được chọn đã bị khóa hoặc ngừng sử dụng.', en: 'The chosen account is disabled.' },

  // Organisation and staff.
  UNIT_UNKNOWN: { status: 400, vi: 'Đơn vị được chọn không tồn tại.', en: 'The chosen unit does not exist.' },
  UNIT_CLOSED: { status: 400, vi: 'Đơn vị đã giải thể vào ngày này.', en: 'The unit no longer exists on that date.' },
  UNIT_PARENT_SELF: { status: 400, vi: 'Đơn vị không thể là cấp trên của chính nó.', en: 'A unit cannot be its own parent.' },
  UNIT_PARENT_UNKNOWN: { status: 400, vi: 'Đơn vị cấp trên không tồn tại.', en: 'The parent unit does not exist.' },
  UNIT_PARENT_CLOSED: { status: 400, vi: 'Đơn vị cấp trên đã giải thể trước ngày hiệu lực.', en: 'The parent unit no longer exists on the start date.' },
  UNIT_PARENT_CYCLE: { status: 400, vi: 'Thay đổi tạo vòng lặp trong cây tổ chức.', en: 'The change would create a cycle in the organisation tree.' },
  UNIT_CODE_TAKEN: { status: 409, vi: 'Mã đơn vị đã được dùng.', en: 'The unit code is taken.' },
  UNIT_DATES: { status: 400, vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end date must be after the start date.' },
  SUCCESSION_OVERLAP: { status: 400, vi: 'Đơn vị nguồn và đơn vị kế thừa trùng nhau.', en: 'A unit cannot succeed itself.' },
  SUCCESSION_SHAPE: { status: 400, vi: 'Số đơn vị nguồn/kế thừa không hợp với loại sắp xếp (sáp nhập, chia tách…).', en: 'The number of source/successor units does not fit the kind of reorganisation.' },
  SUCCESSION_UNKNOWN_UNIT: { status: 400, vi: 'Có đơn vị không tồn tại trong danh sách.', en: 'Some listed units do not exist.' },
  SUCCESSION_DATE: { status: 400, vi: 'Ngày hiệu lực phải sau ngày thành lập đơn vị nguồn.', en: 'The effective date must follow the source unit’s start.' },
  SUCCESSION_CLOSED: { status: 400, vi: 'Đơn vị nguồn đã giải thể trước ngày hiệu lực.', en: 'A source unit closed before the effective date.' },
  PERSON_UNKNOWN: { status: [400, 422], vi: 'Cán bộ được nêu không tồn tại.', en: 'The named staff member does not exist.' },
  PERSON_REQUIRED: { status: 400, vi: 'Cần chọn cán bộ.', en: 'A staff member must be chosen.' },
  EMPLOYEE_CODE_TAKEN: { status: 409, vi: 'Mã cán bộ đã tồn tại.', en: 'The employee code exists.' },
  TRANSFER_DATE: { status: 400, vi: 'Ngày điều chuyển phải sau ngày bắt đầu của vị trí hiện tại.', en: 'The transfer date must follow the start of the current assignment.' },
  VERSION_CONFLICT: { status: 409, vi: 'Bản ghi đã được người khác thay đổi; tải lại rồi thử lại.', en: 'Someone else changed the record; reload and try again.' },
  IMPORT_NEEDS_FILE: { status: 400, vi: 'Thiếu tệp .xlsx trong trường "file".', en: 'The .xlsx file is missing from the "file" field.' },
  IMPORT_NOT_XLSX: { status: 400, vi: 'Tệp không phải bảng tính Excel .xlsx hợp lệ.', en: 'The file is not a valid .xlsx workbook.' },
  IMPORT_TOO_LARGE: { status: 400, vi: 'Tệp nhập quá lớn.', en: 'The import file is too large.' },
  IMPORT_TOO_LARGE_UNCOMPRESSED: { status: 400, vi: 'Bảng tính giải nén ra quá lớn (có thể là "bom zip").', en: 'The workbook expands to too many bytes (possibly a zip bomb).' },
  IMPORT_TOO_MANY_ROWS: { status: 400, vi: 'Tệp có quá nhiều dòng cho một lần nhập.', en: 'The file has too many rows for one import.' },
  IMPORT_EMPTY: { status: 400, vi: 'Tệp không có dữ liệu.', en: 'The file has no data.' },
  IMPORT_BAD_HEADER: { status: 400, vi: 'Tệp thiếu cột bắt buộc; hãy dùng tệp mẫu.', en: 'The file lacks required columns; use the template.' },

  // Calendar.
  SCHEDULE_INVALID: { status: 400, vi: 'Lịch làm việc không hợp lệ.', en: 'The work schedule is invalid.' },
  NAME_REQUIRED: { status: 400, vi: 'Cần nhập tên ngày nghỉ.', en: 'A name is required.' },
  CALENDAR_DAY_EXISTS: { status: 409, vi: 'Ngày này đã có trong lịch.', en: 'This date is already in the calendar.' },
  CALENDAR_DAY_ALREADY_CONFIRMED: { status: 409, vi: 'Ngày này đã được xác nhận theo văn bản chính thức.', en: 'This day is already confirmed by an official notice.' },
  CALENDAR_LEGAL_BASIS_REQUIRED: { status: 400, vi: 'Cần nhập số, ký hiệu và ngày của văn bản chính thức để xác nhận.', en: 'The number and date of the official notice are required to confirm.' },
  ROSTER_INVALID: { status: 400, vi: 'Cần chọn một ngày cụ thể hoặc một thứ trong tuần.', en: 'Give either a date or a weekday.' },
  OVERRIDE_INVALID: { status: 400, vi: 'Giờ làm việc riêng không hợp lệ.', en: 'The personal working hours are invalid.' },
  DATE_INVALID: { status: 400, vi: 'Ngày không hợp lệ.', en: 'Invalid date.' },

  // Cameras, live view, ONVIF discovery, recording and evidence.
  INVALID_CAMERA_URL: { status: 400, vi: 'Địa chỉ luồng camera không hợp lệ (cần rtsp:// hoặc rtsps:// có tên máy chủ).', en: 'The camera stream URL is not valid (rtsp:// or rtsps:// with a host).' },
  DIRECTION_ONLY_FOR_GATE: { status: 400, vi: 'Chỉ camera ở cổng mới có hướng vào/ra.', en: 'Only gate cameras have an in/out direction.' },
  RECOGNITION_NOT_ALLOWED_HERE: { status: 400, vi: 'Không được bật nhận diện khuôn mặt ở nơi tiếp công dân.', en: 'Face recognition may not be enabled where citizens are served.' },
  CAMERA_UNREACHABLE: { status: 422, vi: 'Không kết nối được tới camera.', en: 'Cannot reach the camera.' },
  CAMERA_AUTH_FAILED: { status: 422, vi: 'Camera từ chối tên đăng nhập hoặc mật khẩu.', en: 'The camera refused the user name or password.' },
  CAMERA_NOT_FOUND: { status: 422, vi: 'Camera không có luồng ở đường dẫn này.', en: 'The camera has no stream at this path.' },
  CAMERA_UNSUPPORTED_CODEC: { status: 422, vi: 'Camera phát chuẩn nén không được hỗ trợ (cần H.264).', en: 'The camera sends an unsupported codec (H.264 is needed).' },
  CAMERA_NO_VIDEO: { status: 422, vi: 'Luồng không có hình ảnh.', en: 'The stream has no video.' },
  CAMERA_TIMEOUT: { status: 422, vi: 'Camera không phản hồi trong thời gian cho phép.', en: 'The camera did not answer in time.' },
  CAMERA_INVALID_URL: { status: 400, vi: 'Địa chỉ luồng camera không hợp lệ.', en: 'The camera stream URL is not valid.' },
  CAMERA_FAILED: { status: 422, vi: 'Không đọc được luồng camera.', en: 'Could not read the camera stream.' },
  CAMERA_NOT_RUNNING: { status: 409, vi: 'Camera đang tắt hoặc chưa được khởi động.', en: 'The camera is disabled or not running.' },
  ONVIF_UNREACHABLE: { status: 422, vi: 'Không kết nối được tới thiết bị ONVIF.', en: 'Cannot reach the ONVIF device.' },
  ONVIF_TIMEOUT: { status: 422, vi: 'Thiết bị ONVIF không phản hồi kịp.', en: 'The ONVIF device did not answer in time.' },
  ONVIF_AUTH_FAILED: { status: 422, vi: 'Thiết bị ONVIF từ chối đăng nhập (hoặc đồng hồ lệch nhiều).', en: 'The ONVIF device refused the credentials (or its clock is far off).' },
  ONVIF_BAD_RESPONSE: { status: 422, vi: 'Thiết bị trả lời không đúng chuẩn ONVIF.', en: 'The device did not answer as ONVIF requires.' },
  ONVIF_NO_PROFILES: { status: 422, vi: 'Thiết bị không có cấu hình luồng video nào.', en: 'The device has no media profiles.' },
  ONVIF_UNKNOWN_DEVICE: { status: 400, vi: 'Địa chỉ không nằm trong kết quả tìm kiếm gần đây; hãy tìm lại.', en: 'The address is not among recent discovery results; search again.' },
  ONVIF_PROBE_FAILED: { status: 422, vi: 'Không gửi được gói tìm kiếm ONVIF ra mạng.', en: 'The ONVIF discovery probe could not be sent.' },
  NOTHING_GRANTED: { status: 400, vi: 'Cần chọn ít nhất một quyền: xem trực tiếp hoặc xem lại.', en: 'Choose at least one right: live or playback.' },
  EXPIRY_IN_PAST: { status: 400, vi: 'Thời hạn phải ở sau thời điểm hiện tại.', en: 'The expiry must be in the future.' },
  GRANT_TO_SELF: { status: 400, vi: 'Không thể tự cấp quyền cho chính mình.', en: 'You cannot grant access to yourself.' },
  GRANTEE_OUT_OF_SCOPE: { status: 403, vi: 'Chỉ cấp quyền xem cho người thuộc đơn vị mình phụ trách.', en: 'Access can only be granted to people of the units you lead.' },
  REVERSED_RANGE: { status: 400, vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', en: 'The end must be after the start.' },
  RANGE_TOO_LONG: { status: 400, vi: 'Khoảng thời gian dài quá mức cho phép của thao tác này.', en: 'The time range is longer than this operation allows.' },
  RANGE_IN_FUTURE: { status: 400, vi: 'Không thể trích xuất đoạn phim chưa ghi.', en: 'Footage in the future cannot be exported.' },
  INVALID_TIME: { status: 400, vi: 'Thời điểm không hợp lệ.', en: 'Invalid time.' },
  NO_FOOTAGE: { status: 404, vi: 'Không có đoạn ghi hình nào trong khoảng thời gian này.', en: 'There is no recorded footage in this range.' },
  EVIDENCE_ON_HOLD: { status: 409, vi: 'Bản trích xuất đang bị giữ theo yêu cầu pháp lý, không được xóa.', en: 'The export is under legal hold and cannot be deleted.' },
  EVIDENCE_LINKED: { status: 409, vi: 'Bản trích xuất đã gắn với vụ việc hoặc vi phạm, không được xóa.', en: 'The export is attached to a case and cannot be deleted.' },
  ALREADY_RELEASED: { status: 409, vi: 'Lệnh giữ dữ liệu đã được gỡ.', en: 'The hold was already released.' },

  // Face recognition: consent, enrollment (photos, zip, gate periods), review.
  CONSENT_INVALID: { status: 400, vi: 'Thông tin đồng ý không hợp lệ.', en: 'The consent record is invalid.' },
  CONSENT_REQUIRED: { status: 409, vi: 'Chưa có sự đồng ý rõ ràng cho dữ liệu sinh trắc học; không thể đăng ký khuôn mặt.', en: 'No explicit biometric consent; faces cannot be enrolled.' },
  PERSON_LEFT: { status: 409, vi: 'Người này đã nghỉ việc; không ghi nhận đồng ý hay khuôn mặt mới.', en: 'This person has left; no new consent or face can be recorded.' },
  MULTIPART_REQUIRED: { status: 400, vi: 'Cần gửi dạng multipart/form-data.', en: 'Send a multipart/form-data form.' },
  UNKNOWN_FIELD: { status: 400, vi: 'Biểu mẫu có trường không được nhận.', en: 'The form has a field that is not accepted.' },
  ENROLL_FILE_COUNT: { status: 400, vi: 'Số ảnh gửi lên ngoài giới hạn cho phép.', en: 'The number of photos is outside the allowed range.' },
  IMAGE_TOO_LARGE: { status: 400, vi: 'Tệp ảnh quá lớn.', en: 'The image file is too large.' },
  IMAGE_UNREADABLE: { status: 400, vi: 'Không đọc được ảnh (tệp hỏng hoặc không phải JPEG/PNG/WebP).', en: 'The image cannot be read (corrupt, or not JPEG/PNG/WebP).' },
  IMAGE_TOO_MANY_PIXELS: { status: 400, vi: 'Ảnh có quá nhiều điểm ảnh.', en: 'The image has too many pixels.' },
  ZIP_REQUIRED: { status: 400, vi: 'Thiếu tệp .zip trong trường "file".', en: 'The .zip file is missing from the "file" field.' },
  ZIP_TOO_LARGE: { status: 413, vi: 'Tệp zip quá lớn.', en: 'The zip file is too large.' },
  ZIP_TOO_MANY_ENTRIES: { status: 400, vi: 'Tệp zip có quá nhiều tệp.', en: 'The zip holds too many files.' },
  ZIP_TOO_LARGE_UNCOMPRESSED: { status: 400, vi: 'Dung lượng sau giải nén quá lớn (có thể là "bom zip").', en: 'The zip expands to too many bytes (possibly a zip bomb).' },
  ZIP_INVALID: { status: 400, vi: 'Tệp không phải tệp zip hợp lệ hoặc đã hỏng.', en: 'The file is not a valid zip archive or is damaged.' },
  ZIP_ENCRYPTED: { status: 400, vi: 'Tệp zip có mật khẩu.', en: 'The zip is password-protected.' },
  ZIP_UNSUPPORTED_METHOD: { status: 400, vi: 'Tệp zip dùng kiểu nén không được hỗ trợ (cần Deflate).', en: 'The zip uses an unsupported compression method (Deflate is needed).' },
  ZIP_EMPTY: { status: 400, vi: 'Tệp zip không có ảnh nào.', en: 'The zip contains no photos.' },
  ZIP_QUEUE_FULL: { status: 409, vi: 'Đang có nhiều lần nhập ảnh chờ xử lý; hãy đợi rồi gửi tiếp.', en: 'Several photo imports are waiting; wait for one to finish.' },
  GROUP_ALREADY_DECIDED: { status: 409, vi: 'Nhóm khuôn mặt này đã được xử lý.', en: 'This face group has already been decided.' },
  GROUP_NO_USABLE_FACE: { status: 409, vi: 'Nhóm không có ảnh khuôn mặt đủ chất lượng để đăng ký.', en: 'The group has no face good enough to enroll.' },
  PERIOD_DATES_INVALID: { status: 400, vi: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.', en: 'The end date must be on or after the start date.' },
  PERIOD_IN_PAST: { status: 400, vi: 'Đợt đăng ký phải kết thúc từ hôm nay trở đi.', en: 'The period must end today or later.' },
  PERIOD_TOO_LONG: { status: 400, vi: 'Đợt đăng ký dài quá mức cho phép.', en: 'The period is longer than allowed.' },
  PERIOD_OVERLAP: { status: 409, vi: 'Camera đã có một đợt đăng ký đang mở trùng thời gian.', en: 'The camera already has an open period over these dates.' },
  PERIOD_CLOSED: { status: 409, vi: 'Đợt đăng ký đã đóng.', en: 'The period is already closed.' },
  GATE_RECOGNITION_REQUIRED: { status: 409, vi: 'Chỉ mở đợt đăng ký cho camera cổng được phép nhận diện khuôn mặt.', en: 'Enrollment periods are only for gate cameras where recognition is allowed.' },
  REVIEW_NOT_A_CANDIDATE: { status: 400, vi: 'Người được chọn không nằm trong danh sách gợi ý.', en: 'The chosen person is not among the candidates.' },
  REVIEW_ALREADY_DECIDED: { status: 409, vi: 'Lượt nhận diện này đã được xem xét.', en: 'This pass has already been reviewed.' },
  REVIEW_BULK_ONE_PERSON: { status: 400, vi: 'Xác nhận hàng loạt chỉ áp dụng cho các lượt của cùng một người.', en: 'A bulk confirmation names one person only.' },
  REVIEW_BULK_DUPLICATE: { status: 400, vi: 'Một lượt qua cổng xuất hiện hai lần trong yêu cầu xác nhận hàng loạt.', en: 'A pass appears twice in a bulk confirmation.' },
  PASS_RANGE_INVALID: { status: 400, vi: 'Khoảng thời gian lọc lượt qua cổng không hợp lệ: thời điểm bắt đầu phải trước thời điểm kết thúc.', en: 'The pass filter range is invalid: `from` must be before `to`.' },

  // Attendance: devices and punches, requests (leave, justifications), outages, recomputation.
  SOURCE_UNAUTHENTICATED: { status: 401, vi: 'Thiết bị chưa xác thực: cần mã truy cập của nguồn chấm công (Authorization: Bearer).', en: 'The device is not authenticated: a punch-source token is required (Authorization: Bearer).' },
  DEVICE_ENDPOINT_ONLY: { status: 403, vi: 'Chỉ thiết bị chấm công (bằng mã của thiết bị) được gửi vào đây.', en: 'Only punch devices (with their own token) may post here.' },
  SOURCE_MISMATCH: { status: 403, vi: 'Thiết bị chỉ được gửi dữ liệu của chính nguồn của nó.', en: 'A device may only send data of its own source.' },
  SOURCE_EXISTS: { status: 409, vi: 'Mã nguồn chấm công đã tồn tại.', en: 'A punch source with this id already exists.' },
  CLOCK_OFFSET_TOO_LARGE: { status: 422, vi: 'Đồng hồ thiết bị lệch quá 24 giờ so với máy chủ.', en: 'The device clock is more than 24 hours off the server clock.' },
  PUNCH_INVALID: { status: 400, vi: 'Dữ liệu lượt chấm công không hợp lệ.', en: 'The punch data is invalid.' },
  PUNCH_IN_FUTURE: { status: 422, vi: 'Thời điểm chấm công ở tương lai, vượt sai số cho phép.', en: 'The punch time is in the future beyond the tolerance.' },
  PUNCH_TOO_OLD: { status: 422, vi: 'Lượt chấm công quá cũ để thiết bị gửi; hãy dùng chấm công thủ công.', en: 'The punch is too old for a device; use a manual punch.' },
  TODAY_DATE_OUT_OF_RANGE: { status: 400, vi: 'Chỉ xem được tình hình chấm công của hôm nay hoặc một ngày đã qua trong 31 ngày gần nhất.', en: 'Only today or a day of the last 31 days can be shown.' },
  PUNCH_EVENT_ID_REUSED: { status: 409, vi: 'Mã sự kiện đã được dùng cho một lượt chấm công khác.', en: 'The source event id was already used for a different punch.' },
  EVIDENCE_INVALID: { status: 400, vi: 'Ảnh bằng chứng phải là ảnh JPEG không rỗng, trong giới hạn dung lượng.', en: 'The evidence must be a non-empty JPEG image within the size limit.' },
  EVIDENCE_UNKNOWN: { status: 422, vi: 'Không có ảnh bằng chứng nào của thiết bị này mang mã đã nêu.', en: 'No evidence image uploaded by this device has this id.' },
  EVIDENCE_ALREADY_USED: { status: 409, vi: 'Ảnh bằng chứng đã gắn với một lượt chấm công khác.', en: 'The evidence image already belongs to another punch.' },
  EVIDENCE_BACKLOG_FULL: { status: 429, vi: 'Thiết bị có quá nhiều ảnh chưa gắn với lượt chấm công; hãy gửi các lượt chấm công trước.', en: 'The device has too many images no punch refers to; send the punches first.' },
  TYPE_UNKNOWN: { status: 400, vi: 'Loại đơn không hợp lệ.', en: 'Unknown request type.' },
  RANGE_INVALID: { status: 400, vi: 'Khoảng thời gian không hợp lệ (kết thúc trước bắt đầu hoặc quá dài).', en: 'The range is invalid (end before start, or too long).' },
  REASON_REQUIRED: { status: 400, vi: 'Cần nêu lý do.', en: 'A reason is required.' },
  NOTE_REQUIRED: { status: 400, vi: 'Cần nêu lý do từ chối.', en: 'A reason is required to reject.' },
  LEAVE_BALANCE_EXCEEDED: { status: 409, vi: 'Số ngày phép năm còn lại không đủ cho đơn này.', en: 'Not enough annual leave left for this request.' },
  REQUEST_OVERLAPS: { status: 409, vi: 'Đã có đơn khác trong khoảng thời gian này.', en: 'Another request covers part of this period.' },
  REQUEST_NOT_PENDING: { status: 409, vi: 'Đơn không còn chờ duyệt.', en: 'The request is no longer pending.' },
  REQUEST_CLOSED: { status: 409, vi: 'Đơn đã kết thúc.', en: 'The request is already closed.' },
  SELF_APPROVAL: { status: 403, vi: 'Không được tự duyệt đơn của chính mình.', en: 'You cannot decide on your own request.' },
  // Late-arrival / early-leave permissions and punch corrections (attendance requests, issue 13).
  PERMISSION_NEEDS_WINDOW: { status: 400, vi: 'Đơn xin đi muộn, về sớm cần ngày và khoảng giờ; dùng mẫu đơn xin phép.', en: 'A late-arrival / early-leave permission needs a date and a time window; use the permission form.' },
  PERMISSION_WINDOW_INVALID: { status: 400, vi: 'Giờ kết thúc phải sau giờ bắt đầu.', en: 'The end time must be after the start time.' },
  PERMISSION_OUTSIDE_SESSION: { status: 422, vi: 'Khoảng giờ xin phép phải nằm trong một buổi làm việc của ngày đó.', en: 'The permission window must lie inside one working session of that day.' },
  NOT_A_WORKING_DAY: { status: 422, vi: 'Ngày đó không phải ngày làm việc của cán bộ.', en: 'That day is not a working day for the person.' },
  NOT_EMPLOYED_ON_DATE: { status: 422, vi: 'Ngày đó cán bộ chưa hoặc không còn công tác.', en: 'The person was not employed on that day.' },
  REQUEST_TOO_LATE: { status: 400, vi: 'Ngày của đơn đã quá hạn lập đơn sau sự việc.', en: 'The day is past the limit for an after-the-fact request.' },
  REQUEST_TOO_FAR_AHEAD: { status: 400, vi: 'Ngày của đơn quá xa trong tương lai.', en: 'The day is too far in the future.' },
  REQUEST_IN_FUTURE: { status: 400, vi: 'Thời điểm cần điều chỉnh chưa đến.', en: 'The time to correct has not come yet.' },
  CORRECTION_PUNCH_UNKNOWN: { status: 400, vi: 'Lượt chấm công cần hủy không có trong dữ liệu của cán bộ.', en: 'The punch to void is not among the person’s punches.' },
  CORRECTION_PUNCH_EXISTS: { status: 409, vi: 'Đã có lượt chấm công vào thời điểm đó; không cần bổ sung.', en: 'There already is a punch at that time; nothing to add.' },
  PUNCH_ALREADY_VOID: { status: 409, vi: 'Lượt chấm công đã bị hủy.', en: 'The punch has already been annulled.' },
  OUTAGE_RANGE: { status: 400, vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', en: 'The end must be after the start.' },
  OUTAGE_TOO_LONG: { status: 400, vi: 'Khoảng mất tín hiệu báo một lần dài quá mức cho phép.', en: 'The outage reported at once is longer than allowed.' },
  RECOMPUTE_TOO_LARGE: { status: 400, vi: 'Khối lượng tính lại quá lớn; hãy chọn đơn vị nhỏ hơn hoặc khoảng ngắn hơn.', en: 'The recomputation is too large; pick a smaller unit or a shorter range.' },
  RECOMPUTE_BUSY: { status: 409, vi: 'Đơn vị đang có một lần tính lại chưa xong.', en: 'A recomputation of this unit is still running.' },

  // Competence (src/modules/competence): who decides whose matters, dated; posts and delegations (ủy quyền).
  COMPETENCE_OWN_CASE: { status: 403, vi: 'Không được tự quyết định việc của chính mình (nghỉ, chấm công, vi phạm, kỷ luật); `details` nêu cấp có thẩm quyền.', en: 'One cannot decide one’s own matter (leave, attendance, violation, discipline); `details` names the competent level.' },
  COMPETENCE_SUPERIOR_CASE: { status: 403, vi: 'Không được quyết định việc của lãnh đạo cấp trên của mình; `details` nêu cấp có thẩm quyền.', en: 'One cannot decide a superior’s matter; `details` names the competent level.' },
  COMPETENCE_NOT_COMPETENT: { status: 403, vi: 'Người dùng không thuộc cấp có thẩm quyền (không là lãnh đạo, không được giao quyền hoặc ủy quyền); `details.competentUnitName` và `details.external` (thuộc cấp ngoài cơ quan, ví dụ cấp tỉnh).', en: 'The user is not at the competent level (not a leader, no permission, no delegation); `details.competentUnitName` and `details.external` (a level outside the agency, e.g. provincial).' },
  COMPETENCE_RULE_INVALID: { status: 400, vi: 'Quy tắc thẩm quyền không hợp lệ (ví dụ cấp ngoài cơ quan mà không nêu tên, hoặc ngày kết thúc không sau ngày bắt đầu).', en: 'The competence rule is invalid (e.g. an external decider without a name, or an end date not after the start).' },
  LEADERSHIP_POST_DATES: { status: 400, vi: 'Ngày thôi giữ chức vụ phải sau ngày bắt đầu.', en: 'The end of the post must be after its start.' },
  DELEGATION_INVALID: { status: 400, vi: 'Ủy quyền không hợp lệ: người ủy quyền và người được ủy quyền phải khác nhau, ngày kết thúc sau ngày bắt đầu, người ủy quyền phải giữ chức vụ lãnh đạo vào ngày bắt đầu.', en: 'Invalid delegation: the two persons must differ, the end must follow the start, and the delegating person must hold a leadership post on the first day.' },
  DELEGATION_ENDED: { status: 409, vi: 'Ủy quyền đã hết hiệu lực.', en: 'The delegation has already ended.' },

  // Rules and violations (cases, explanations, discipline).
  RULES_INVALID: { status: 400, vi: 'Cấu hình quy định không hợp lệ.', en: 'The rule configuration is invalid.' },
  RULES_NOT_AFTER_PREVIOUS: { status: 409, vi: 'Ngày hiệu lực phải sau ngày hiệu lực của phiên bản trước.', en: 'The effective date must be after the previous version’s.' },
  DATE_IN_FUTURE: { status: 400, vi: 'Ngày vi phạm không được ở tương lai.', en: 'The violation date cannot be in the future.' },
  INVALID_TRANSITION: { status: 409, vi: 'Thao tác không thực hiện được ở trạng thái hiện tại của hồ sơ.', en: 'The action is not allowed in the case’s current state.' },
  VIOLATION_RETRACTED: { status: 409, vi: 'Vi phạm đã được hủy.', en: 'The violation was retracted.' },
  AWAITING_JUSTIFICATION: { status: 409, vi: 'Ngày này đang có đơn chờ duyệt (chờ hợp thức hóa); chưa thể xử lý cho đến khi đơn được quyết định.', en: 'A request covering this day is pending; nothing can be decided until it is.' },
  EXPLANATION_PENDING: { status: 409, vi: 'Người vi phạm vẫn còn thời hạn giải trình; chưa thể cho ý kiến xử lý.', en: 'The person still has time to explain; the case cannot be decided yet.' },
  EXPLANATION_NOT_REQUESTED: { status: 409, vi: 'Vi phạm hiện không chờ giải trình.', en: 'No explanation is requested for this violation.' },
  EXPLANATION_DEADLINE_PASSED: { status: 409, vi: 'Đã quá hạn giải trình.', en: 'The explanation deadline has passed.' },
  EXPLANATION_TOO_SHORT: { status: 400, vi: 'Nội dung giải trình quá ngắn.', en: 'The explanation is too short.' },
  NOT_ESCALATED: { status: 409, vi: 'Chỉ đề nghị xem xét kỷ luật sau khi đã chuyển xử lý.', en: 'Only an escalated case can be proposed for discipline.' },
  TOO_MANY_FILES: { status: 400, vi: 'Đính kèm quá nhiều tệp.', en: 'Too many files attached.' },
  FILE_TYPE_NOT_ALLOWED: { status: 400, vi: 'Loại tệp đính kèm không được chấp nhận.', en: 'The attached file type is not accepted.' },
  FILE_SIZE: { status: 400, vi: 'Tệp đính kèm rỗng hoặc quá lớn.', en: 'An attached file is empty or too large.' },
  // Discipline procedure (src/modules/discipline).
  DISCIPLINE_STEP_NOT_ALLOWED: { status: 409, vi: 'Bước này không thực hiện được ở giai đoạn hiện tại của hồ sơ kỷ luật.', en: 'The step is not allowed at the current stage of the discipline case.' },
  DISCIPLINE_DATES_OUT_OF_ORDER: { status: 400, vi: 'Các ngày không theo đúng trình tự (ví dụ ngày có hiệu lực trước ngày ký, ngày ký trước cuộc họp); `details` nêu các ngày.', en: 'Dates out of order (e.g. effective before signed, signed before the meeting); `details` gives the dates.' },
  DISCIPLINE_DATE_IN_FUTURE: { status: 400, vi: 'Chỉ ghi nhận việc đã xảy ra: ngày không được sau ngày hôm nay.', en: 'Only what happened is recorded: the date cannot be after today.' },
  CASE_SUSPENDED: { status: 409, vi: 'Đang trong trường hợp chưa xem xét xử lý kỷ luật (ốm nặng, thai sản/nuôi con dưới 12 tháng, bị tạm giữ…); `details` nêu lý do và thời gian.', en: 'Consideration is suspended (serious illness, maternity/child under 12 months, detention…); `details` gives the reason and dates.' },
  INVITATION_TOO_LATE: { status: 400, vi: 'Giấy mời họp phải được giao trước ngày họp ít nhất 05 ngày làm việc.', en: 'The meeting invitation must be delivered at least 5 working days before the meeting.' },
  COUNCIL_COMPOSITION: { status: 400, vi: 'Hội đồng kỷ luật cần ít nhất 03 thành viên, đúng 01 Chủ tịch và 01 Thư ký.', en: 'The disciplinary council needs at least three members, one chair and one secretary.' },
  COUNCIL_MEMBER_IS_SUBJECT: { status: 400, vi: 'Người bị xem xét kỷ luật không được là thành viên Hội đồng kỷ luật.', en: 'The person concerned cannot sit on the disciplinary council.' },
  COUNCIL_MEMBER_RELATIVE: { status: 400, vi: 'Chưa xác nhận thành viên Hội đồng không phải là người thân của người bị xem xét kỷ luật.', en: 'A council member was not confirmed as unrelated to the person concerned.' },
  BALLOT_INVALID: { status: 400, vi: 'Kết quả bỏ phiếu kín không hợp lệ (hình thức không được áp dụng hoặc quá số thành viên).', en: 'The secret-ballot result is invalid (a form not allowed, or more votes than members).' },
  DECISION_NUMBER_REQUIRED: { status: 400, vi: 'Quyết định kỷ luật phải có số, ký hiệu.', en: 'The disciplinary decision needs its number and symbol.' },
  DECISION_NUMBER_FORMAT: { status: 400, vi: 'Số, ký hiệu quyết định không đúng thể thức (ví dụ 15/QĐ-UBND).', en: 'The decision number is not in the form 15/QĐ-UBND.' },
  DECISION_NUMBER_TAKEN: { status: 409, vi: 'Số, ký hiệu này đã được cơ quan dùng cho quyết định khác trong năm.', en: 'The issuer already used this number this year.' },
  DISCIPLINE_FORM_NOT_ALLOWED: { status: 400, vi: 'Hình thức kỷ luật không được áp dụng cho ngạch/chức danh, chức vụ của người này vào ngày ký; `details.allowed` liệt kê các hình thức được áp dụng.', en: 'The form is not available for this person’s category, post and signing date; `details.allowed` lists the forms that are.' },
  LIMITATION_EXPIRED: { status: 409, vi: 'Đã hết thời hiệu xử lý kỷ luật; `details` nêu ngày vi phạm và ngày hết thời hiệu.', en: 'The limitation period has run out; `details` gives the violation date and the last day.' },
  DISCIPLINE_SEVERAL_PERSONS: { status: 400, vi: 'Một hồ sơ kỷ luật chỉ gồm các vi phạm của cùng một người.', en: 'A discipline case holds the violations of one person only.' },
  VIOLATION_NOT_PROPOSED: { status: 409, vi: 'Vi phạm chưa được đề nghị xem xét kỷ luật.', en: 'The violation was not proposed for discipline.' },
  VIOLATION_ALREADY_IN_CASE: { status: 409, vi: 'Vi phạm đã thuộc một hồ sơ kỷ luật khác.', en: 'The violation is already in another discipline case.' },
  DISCIPLINE_UPLOAD_INVALID: { status: 400, vi: 'Cần chọn loại tài liệu và một tệp.', en: 'Choose the document kind and one file.' },
  // Official documents: the numbering register (src/platform/official-docs).
  DOCUMENT_NUMBER_FORMAT: { status: 400, vi: 'Số, ký hiệu văn bản không đúng thể thức (ví dụ 03/BB-ĐKT) hoặc năm không hợp lệ.', en: 'The document number is not in the form 03/BB-ĐKT, or the year is invalid.' },
  DOCUMENT_NUMBER_TAKEN: { status: 409, vi: 'Số, ký hiệu này đã được cơ quan dùng cho văn bản khác trong năm.', en: 'The issuer already used this document number this year.' },
} as const satisfies Record<string, ErrorMeaning>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The statuses a code is sent with, as a list. */
export function statusesOf(code: ErrorCode): readonly number[] {
  const status: ErrorMeaning['status'] = ERROR_CATALOGUE[code].status;
  return typeof status === 'number' ? [status] : status;
}

/** A Markdown table of the catalogue, for the OpenAPI description of `ErrorResponse.code`. */
export function errorCodeTable(): string {
  const rows = ERROR_CODES.map((code) => {
    const m: ErrorMeaning = ERROR_CATALOGUE[code];
    return `| \`${code}\` | ${statusesOf(code).join(', ')} | ${m.vi} | ${m.en} |`;
  });
  return ['| code | HTTP | Ý nghĩa | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}
