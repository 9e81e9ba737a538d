import type { Locale } from '../i18n/locale';
import type { ApiRequestBody, ApiResponse, ServerErrorBody, UrlFor } from './contract';

/**
 * The one way the web app talks to the server: relative /api URLs on the same origin, the session cookie sent by the
 * browser, the CSRF token in a header on every write, and the server's bilingual error format turned into ApiError.
 * Calls are typed by their URL from the generated contract (contract.ts): the URL must be an API route, the body is
 * the route's request body and the answer its success response.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: unknown,
    readonly correlationId?: string,
  ) {
    super(messageEn);
  }

  /** The message in the user's language, with the correlation id when the server asks the user to report it. */
  text(locale: Locale): string {
    const base = locale === 'en' ? this.messageEn : this.messageVi;
    return this.correlationId ? `${base} (${this.correlationId})` : base;
  }
}

const NETWORK_ERROR = (status: number) =>
  new ApiError(
    status,
    status === 0 ? 'NETWORK_ERROR' : 'BAD_RESPONSE',
    status === 0
      ? 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'
      : `Máy chủ trả lời không đúng định dạng (HTTP ${status}).`,
    status === 0
      ? 'Cannot reach the server. Check the network and try again.'
      : `The server answered in an unexpected format (HTTP ${status}).`,
  );

interface ClientState {
  csrfToken: string | null;
  locale: Locale;
  onUnauthorized: () => void;
  /** The server refuses everything until the user replaces a password an administrator set (403 PASSWORD_CHANGE_REQUIRED). */
  onPasswordChangeRequired: () => void;
  onError: (err: ApiError) => void;
}

const state: ClientState = {
  csrfToken: null,
  locale: 'vi',
  onUnauthorized: () => {},
  onPasswordChangeRequired: () => {},
  onError: () => {},
};

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setClientLocale(locale: Locale): void {
  state.locale = locale;
}

/**
 * The app shell plugs in what a 401 does (back to the login page), what a required password change does (the
 * change-password form) and how other errors are shown (a toast).
 */
export function configureClient(handlers: {
  onUnauthorized: () => void;
  onPasswordChangeRequired: () => void;
  onError: (err: ApiError) => void;
}): void {
  state.onUnauthorized = handlers.onUnauthorized;
  state.onPasswordChangeRequired = handlers.onPasswordChangeRequired;
  state.onError = handlers.onError;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not show a toast: the caller shows the error itself (forms, the login page). */
  quiet?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function csrfFromCookie(): string | null {
  const match = /(?:^|;\s*)kc_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function writeHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.locale };
  if (WRITES.has(method)) {
    const token = state.csrfToken ?? csrfFromCookie();
    if (token) headers['X-CSRF-Token'] = token;
  }
  return headers;
}

async function toApiError(res: Response): Promise<ApiError> {
  try {
    // The body comes from the network: check its shape before trusting it (a proxy may answer instead).
    const body = (await res.json()) as Partial<Record<keyof ServerErrorBody, unknown>>;
    if (typeof body.code === 'string' && typeof body.message_vi === 'string' && typeof body.message_en === 'string')
      return new ApiError(
        res.status,
        body.code,
        body.message_vi,
        body.message_en,
        body.details,
        typeof body.correlation_id === 'string' ? body.correlation_id : undefined,
      );
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to the generic message.
  }
  return NETWORK_ERROR(res.status);
}

function report(err: ApiError, quiet: boolean | undefined): ApiError {
  if (err.status === 401 && err.code !== 'INVALID_CREDENTIALS') state.onUnauthorized();
  // Not a toast per refused request: the shell shows the (undismissable) change-password form instead.
  else if (err.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') state.onPasswordChangeRequired();
  else if (!quiet) state.onError(err);
  return err;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers = writeHeaders(method);
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw report(NETWORK_ERROR(0), opts.quiet);
  }
  if (!res.ok) throw report(await toApiError(res), opts.quiet);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

type ReadOptions = Omit<RequestOptions, 'query' | 'body'>;
type WriteOptions = Omit<RequestOptions, 'body'>;

export const api = {
  get: <U extends UrlFor<'get'>>(path: U, query?: Query, opts?: ReadOptions) =>
    request<ApiResponse<U, 'get'>>('GET', path, { ...opts, query }),
  post: <U extends UrlFor<'post'>>(path: U, body?: ApiRequestBody<U, 'post'>, opts?: WriteOptions) =>
    request<ApiResponse<U, 'post'>>('POST', path, { ...opts, body }),
  patch: <U extends UrlFor<'patch'>>(path: U, body?: ApiRequestBody<U, 'patch'>, opts?: WriteOptions) =>
    request<ApiResponse<U, 'patch'>>('PATCH', path, { ...opts, body }),
  put: <U extends UrlFor<'put'>>(path: U, body?: ApiRequestBody<U, 'put'>, opts?: WriteOptions) =>
    request<ApiResponse<U, 'put'>>('PUT', path, { ...opts, body }),
  del: <U extends UrlFor<'delete'>>(path: U, opts?: WriteOptions & { body?: ApiRequestBody<U, 'delete'> }) =>
    request<ApiResponse<U, 'delete'>>('DELETE', path, opts),
};

/**
 * Multipart upload with progress (fetch cannot report upload progress, XMLHttpRequest can). Same CSRF and error
 * handling as `request`.
 */
export function upload<U extends UrlFor<'post'>>(path: U, form: FormData, onProgress: (fraction: number) => void): Promise<ApiResponse<U, 'post'>> {
  type T = ApiResponse<U, 'post'>;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(writeHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(report(NETWORK_ERROR(0), true));
    xhr.onload = () => {
      const res = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } else void toApiError(res).then((err) => reject(report(err, true)));
    };
    xhr.send(form);
  });
}

/**
 * Downloads a file produced by a GET endpoint (XLSX export, templates, reports). A plain navigation would lose the
 * error body, so fetch it, then hand the blob to the browser with the server's file name.
 */
export async function download(path: UrlFor<'get'>, query?: Query, fallbackName = 'download.xlsx'): Promise<void> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { credentials: 'same-origin', headers: writeHeaders('GET') });
  } catch {
    throw report(NETWORK_ERROR(0), false);
  }
  if (!res.ok) throw report(await toApiError(res), false);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star?.[1] ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
