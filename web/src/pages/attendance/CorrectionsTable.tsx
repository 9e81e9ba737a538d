import { App, Button, Input, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../../api/client';
import { formatDate, formatDateTime, formatTime } from '../../i18n/format';
import { useMe } from '../../session';
import { useAT } from './texts';

/** A correction in a list (GET /api/attendance/corrections); local type until the API types are regenerated. */
interface Correction {
  id: string;
  personId: string;
  fullName: string;
  employeeCode: string;
  unitName: string;
  kind: 'ADD_PUNCH' | 'VOID_PUNCH';
  date: string;
  time: string | null;
  direction: 'IN' | 'OUT' | null;
  punchAt: string | null;
  punchSource: string | null;
  reason: string;
  attachmentRef: string | null;
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED';
  requestedAt: string;
  decisionNote: string | null;
  version: number;
  canDecide: boolean;
  decisionBlock: { code: string; message_vi: string; message_en: string } | null;
}

export const STATE_COLOR: Record<string, string> = { PENDING: 'gold', APPROVED: 'green', REJECTED: 'red', CANCELLED: 'default' };
const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;

/** Punch corrections of a box (inbox, mine, unit): sortable, filterable; decisions only where the API allows them. */
export function CorrectionsTable({ box, search, reloadKey }: { box: string; search: string; reloadKey: number }) {
  const t = useAT();
  const me = useMe();
  const { message, modal } = App.useApp();
  const [items, setItems] = useState<Correction[]>([]);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and reloadKey force a reload.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    request<{ items: Correction[] }>('GET', '/api/attendance/corrections', { query: { box }, signal: controller.signal })
      .then((r) => setItems(r.items))
      .catch(() => {})
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [box, tick, reloadKey]);

  const approve = async (c: Correction) => {
    await request('POST', `/api/attendance/corrections/${c.id}/approve`, { body: { version: c.version } });
    message.success(t('rq.approved'));
    reload();
  };
  const reject = (c: Correction) => {
    let note = '';
    modal.confirm({
      title: t('rq.reject'),
      content: <Input.TextArea rows={3} placeholder={t('rq.rejectNote')} onChange={(e) => (note = e.target.value)} data-testid="corr-reject-note" />,
      onOk: async () => {
        await request('POST', `/api/attendance/corrections/${c.id}/reject`, { body: { note, version: c.version } });
        message.success(t('rq.rejected'));
        reload();
      },
    });
  };
  const cancel = async (c: Correction) => {
    await request('POST', `/api/attendance/corrections/${c.id}/cancel`, { body: { reason: 'Hủy theo đề nghị' } });
    message.success(t('rq.cancelled'));
    reload();
  };
  const q = search.trim().toLowerCase();
  const shown = q ? items.filter((c) => c.fullName.toLowerCase().includes(q) || c.employeeCode.toLowerCase().includes(q)) : items;
  const details = (c: Correction) =>
    c.kind === 'ADD_PUNCH'
      ? t('rq.addPunchAt', { dir: c.direction ? t(`rq.dir${c.direction}` as never) : '', time: c.time ?? '' })
      : t('rq.voidPunchAt', { time: formatTime(c.punchAt), source: c.punchSource ?? '' });
  return (
    <Table<Correction>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={shown}
      locale={{ emptyText: t('rq.empty') }}
      data-testid="corr-table"
      columns={[
        {
          title: t('rq.person'),
          key: 'person',
          sorter: (a, b) => a.fullName.localeCompare(b.fullName, 'vi'),
          render: (_, c) => `${c.fullName} (${c.employeeCode}) — ${c.unitName}`,
        },
        { title: t('rq.date'), dataIndex: 'date', sorter: (a, b) => a.date.localeCompare(b.date), render: (v: string) => formatDate(v) },
        {
          title: t('rq.details'),
          key: 'details',
          filters: [
            { text: t('rq.corrAdd'), value: 'ADD_PUNCH' },
            { text: t('rq.corrVoid'), value: 'VOID_PUNCH' },
          ],
          onFilter: (v, c) => c.kind === v,
          render: (_, c) => details(c),
        },
        { title: t('rq.reason'), dataIndex: 'reason', render: (v: string, c) => (c.attachmentRef ? `${v} (${c.attachmentRef})` : v) },
        {
          title: t('rq.state'),
          dataIndex: 'status',
          filters: STATUSES.map((s) => ({ text: t(`st.${s}` as never), value: s })),
          onFilter: (v, c) => c.status === v,
          render: (v: string, c) => (
            <Tooltip title={c.decisionNote ? `${t('rq.decisionNote')}: ${c.decisionNote}` : undefined}>
              <Tag color={STATE_COLOR[v]}>{t(`st.${v}` as never)}</Tag>
            </Tooltip>
          ),
        },
        {
          title: t('rq.requestedAt'),
          dataIndex: 'requestedAt',
          defaultSortOrder: 'descend',
          sorter: (a, b) => a.requestedAt.localeCompare(b.requestedAt),
          render: (v: string) => formatDateTime(v),
        },
        {
          key: 'actions',
          render: (_, c) => (
            <Space>
              {c.canDecide ? (
                <>
                  <Popconfirm title={t('rq.approve')} onConfirm={() => approve(c)}>
                    <Button type="primary" size="small" data-testid={`corr-approve-${c.employeeCode}`}>
                      {t('rq.approve')}
                    </Button>
                  </Popconfirm>
                  <Button danger size="small" onClick={() => reject(c)} data-testid={`corr-reject-${c.employeeCode}`}>
                    {t('rq.reject')}
                  </Button>
                </>
              ) : null}
              {c.status === 'PENDING' && (c.personId === me.personId || c.canDecide) ? (
                <Popconfirm title={t('rq.cancel')} onConfirm={() => cancel(c)}>
                  <Button size="small">{t('rq.cancel')}</Button>
                </Popconfirm>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
