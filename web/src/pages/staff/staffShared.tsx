import { Tag } from 'antd';
import type { Schemas } from '../../api/contract';
import { type MessageKey, useI18n } from '../../i18n';

export type StaffCategory = Schemas['Person']['category'];
export type StaffStatus = Schemas['Person']['status'];
export const STAFF_CATEGORIES: StaffCategory[] = ['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG'];
export const STAFF_STATUSES: StaffStatus[] = ['WORKING', 'ON_LEAVE', 'LEFT'];

const CATEGORY_COLORS: Record<StaffCategory, string> = {
  CAN_BO: 'magenta',
  CONG_CHUC: 'blue',
  VIEN_CHUC: 'cyan',
  HOP_DONG: 'default',
};

const STATUS_COLORS: Record<StaffStatus, string> = { WORKING: 'success', ON_LEAVE: 'warning', LEFT: 'default' };

export function CategoryTag({ value }: { value: StaffCategory }) {
  const { t } = useI18n();
  return <Tag color={CATEGORY_COLORS[value] ?? 'default'}>{t(`category.${value}` as MessageKey)}</Tag>;
}

export function StatusTag({ value }: { value: StaffStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[value] ?? 'default'}>{t(`status.${value}` as MessageKey)}</Tag>;
}

/** A code from the server shown through the dictionary when known (`prefix.CODE`), as itself otherwise. */
export function useCodeLabel(): (prefix: string, code: string | null | undefined) => string {
  const { t } = useI18n();
  return (prefix, code) => {
    if (!code) return '';
    const key = `${prefix}.${code}` as MessageKey;
    const text = t(key);
    return text === key ? code : text;
  };
}
