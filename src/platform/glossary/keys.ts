import type { Label } from './label';

/**
 * Turns a label set into dictionary entries `prefix.KEY → text` of one language, so a page's message table takes
 * its terms from the glossary instead of holding a copy: `{ ...labelKeys('kind', VIOLATION_KIND_LABELS, 'vi') }`.
 */
export function labelKeys<P extends string, K extends string>(
  prefix: P,
  labels: { readonly [k in K]: Label },
  lang: 'vi' | 'en',
): Record<`${P}.${K}`, string> {
  const out = {} as Record<`${P}.${K}`, string>;
  for (const k of Object.keys(labels) as K[]) out[`${prefix}.${k}`] = labels[k][lang];
  return out;
}

/** The text of a term in a language; the code itself when the term is unknown (a newer server than this UI). */
export function pickLabel(labels: Readonly<Record<string, Label>>, key: string, lang: 'vi' | 'en'): string {
  return labels[key]?.[lang] ?? key;
}
