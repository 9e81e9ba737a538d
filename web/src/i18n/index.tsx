import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setClientLocale } from '../api/client';
import type { Bilingual, Locale } from './locale';
import { en } from './en';
import { type MessageKey, vi } from './vi';

export type { MessageKey } from './vi';

const STORAGE_KEY = 'kc.locale';
const dictionaries: Record<Locale, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Picks the right half of a {vi, en} label that came from the server. */
  pick: (label: Bilingual | null | undefined) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLocale(locale: Locale): void {
  setClientLocale(locale);
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice still holds for this tab and is saved on the server.
  }
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[locale][key] ?? vi[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale();
    applyLocale(initial);
    return initial;
  });
  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      pick: (label) => (label ? (locale === 'en' ? label.en : label.vi) : ''),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
