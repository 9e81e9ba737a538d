/** The languages of the interface (and of a user's saved preference). */
export type Locale = 'vi' | 'en';

/** A label the server sends in both languages; `pick()` shows the user's. */
export type Bilingual = { vi: string; en: string };
