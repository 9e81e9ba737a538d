/**
 * Whether a browser page from `origin` may use a session-bearing endpoint that CSRF tokens cannot protect (a
 * WebSocket handshake carries cookies but no custom header). Allowed: no Origin at all (not a browser: browsers
 * always send one on WebSocket handshakes and cross-origin requests), the server's own host, or an origin in the
 * configured allow-list (KC_ALLOWED_ORIGINS, for a reverse proxy that rewrites Host).
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowList: readonly string[]): boolean {
  if (origin === undefined) return true;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
  if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
  if (allowList.includes(from.origin)) return true;
  if (!host) return false;
  try {
    // Parsed with the page's scheme, so "host:80" and "host" compare equal for http (and :443 for https).
    return new URL(`${from.protocol}//${host}`).host === from.host;
  } catch {
    return false;
  }
}
