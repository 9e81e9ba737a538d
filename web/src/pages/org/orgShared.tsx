import { Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { type MessageKey, useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';

const LEVEL_COLORS: Record<string, string> = {
  TRUNG_UONG: 'purple',
  TINH: 'blue',
  HUYEN: 'gold',
  XA: 'green',
  KHAC: 'default',
};

// Reference data that does not change while the app runs: fetched once per page load, shared by every caller.
type UnitType = Schemas['OrgUnitType'];
let unitTypesOnce: Promise<UnitType[]> | null = null;

/** Unit-type names in the current language, from the server's reference list. */
export function useUnitTypes(): (code: string) => string {
  const { locale } = useI18n();
  const [types, setTypes] = useState<UnitType[]>([]);
  useEffect(() => {
    let live = true;
    unitTypesOnce ??= api.get('/api/org/unit-types', undefined, { quiet: true }).then((r) => r.items);
    unitTypesOnce.then((items) => live && setTypes(items)).catch(() => {
      unitTypesOnce = null; // try again on the next mount; codes are shown meanwhile
    });
    return () => {
      live = false;
    };
  }, []);
  return useCallback(
    (code: string) => {
      const found = types.find((u) => u.code === code);
      return found ? (locale === 'en' ? found.en : found.vi) : code;
    },
    [types, locale],
  );
}

export function LevelTag({ level, children }: { level: string; children: React.ReactNode }) {
  return (
    <Tag color={LEVEL_COLORS[level] ?? 'default'} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {children}
    </Tag>
  );
}

export function useLevelLabel(): (level: string) => string {
  const { t } = useI18n();
  return (level) => {
    const key = `level.${level}` as MessageKey;
    const text = t(key);
    return text === key ? level : text;
  };
}

/** '01/07/2025 – nay' or '01/01/2010 – 30/06/2025' (valid_to is exclusive: the unit's last day is the day before). */
export function useValidityText(): (from: string, to: string | null) => string {
  const { t } = useI18n();
  return useCallback(
    (from: string, to: string | null) => `${formatDate(from)} – ${to ? formatDate(lastDayBefore(to)) : t('org.stillValid')}`,
    [t],
  );
}

export function lastDayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
