import type { StreamSource } from '../../ports/video';

/** The URL ffmpeg connects to: credentials injected (percent-encoded) only at spawn time. */
export function sourceUrl(source: StreamSource): string {
  if (!source.username && !source.password) return source.url;
  const u = new URL(source.url);
  u.username = encodeURIComponent(source.username ?? '');
  u.password = encodeURIComponent(source.password ?? '');
  return u.toString();
}

/** Removes `user:pass@` from any URL in a line of text; ffmpeg repeats its input URL in errors and banners. */
export function redact(text: string, source?: StreamSource): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@'"]*@/gi, '$1***@');
  for (const secret of [source?.password, source?.username]) {
    if (secret && secret.length >= 3) out = out.split(secret).join('***');
  }
  return out;
}
