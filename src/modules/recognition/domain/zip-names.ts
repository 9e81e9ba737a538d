/**
 * How a photo in an enrollment zip names its person: `EMPLOYEE_CODE` optionally followed by a separator and a
 * suffix, then an image extension — `CB0012.jpg`, `CB0012_2.jpg`, `CB0012-b.png`, `CB0012 (2).jpg`.
 * Employee codes may themselves hold `_ . -` (people module), so the longest code that exists wins.
 */

export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'] as const;

/** The last path segment (zips from Windows tools sometimes use backslashes). */
export function baseName(entryName: string): string {
  const parts = entryName.split(/[/\\]/);
  return parts[parts.length - 1] ?? '';
}

/** Files operating systems add to archives; they are not photos anyone chose, so they are left out of the report. */
export function isSystemJunk(entryName: string): boolean {
  const base = baseName(entryName);
  return /(^|[/\\])__MACOSX[/\\]/.test(entryName) || base.startsWith('._') || base === '.DS_Store' || /^(thumbs\.db|desktop\.ini)$/i.test(base);
}

export function hasImageExtension(entryName: string): boolean {
  const lower = baseName(entryName).toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The file name without its extension. */
export function stemOf(entryName: string): string {
  const base = baseName(entryName);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).normalize('NFC').trim();
}

const SEPARATORS = new Set(['_', '-', '.', ' ', '(']);

/**
 * Codes the file could name, longest first: the whole stem, then the stem cut before each separator from the right.
 * `CB0012_2` → [`CB0012_2`, `CB0012`]; `TT-05-b` → [`TT-05-b`, `TT-05`, `TT`].
 */
export function candidateCodes(entryName: string): string[] {
  const stem = stemOf(entryName);
  const out: string[] = [];
  const add = (s: string) => {
    const t = s.trim();
    if (t && /^[A-Za-z0-9_.-]{1,40}$/.test(t) && !out.includes(t)) out.push(t);
  };
  add(stem);
  for (let i = stem.length - 1; i > 0; i--) if (SEPARATORS.has(stem[i] as string)) add(stem.slice(0, i));
  return out;
}

/** What to show as "the code in the file name" when none matched a person: the part before the first separator. */
export function shownCode(entryName: string): string | null {
  const c = candidateCodes(entryName);
  return c.length ? (c[c.length - 1] as string) : null;
}

/** JPEG, PNG or WebP by their first bytes: tells "not an image at all" from "an image that is damaged". */
export function looksLikeImage(bytes: Uint8Array): boolean {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return true;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return true;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  return bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
}
