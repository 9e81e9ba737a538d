import { FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Flex, Input, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { type MessageKey, useI18n } from '../../i18n';
import { formatDateTime, vietnamDayAfter, vietnamDayStart } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';

const TEXT_FILTERS = ['actor', 'action', 'entityType', 'entityId'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];

type AuditRow = Schemas['AuditEntry'];
type AuditVerifyResult = Schemas['AuditVerdict'];

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t, locale } = useI18n();
  const problemText = (code: string) => {
    const key = `audit.problem.${code}` as MessageKey;
    const text = t(key);
    return text === key ? code : text;
  };
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        icon={<SafetyCertificateOutlined />}
        title={<strong>{t('audit.verifyOk')}</strong>}
        description={t('audit.verifyOkText', { checked: result.checked })}
        style={{ marginBottom: 16 }}
        data-testid="audit-verify-result"
        data-ok="true"
      />
    );
  const broken = result.brokenAt;
  return (
    <Alert
      type="error"
      showIcon
      title={<strong style={{ fontSize: 16 }}>{broken ? t('audit.verifyBroken', { seq: broken.seq }) : t('audit.verifyBrokenAnchors')}</strong>}
      description={
        <div>
          <p style={{ marginTop: 4 }}>{t('audit.verifyBrokenText')}</p>
          {broken ? (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'seq', label: t('audit.seq'), children: <strong data-testid="audit-broken-seq">{broken.seq}</strong> },
                { key: 'problem', label: t('audit.problem'), children: problemText(broken.problem) },
                { key: 'expected', label: t('audit.expected'), children: <Typography.Text code>{broken.expected}</Typography.Text> },
                { key: 'found', label: t('audit.found'), children: <Typography.Text code>{broken.found}</Typography.Text> },
                { key: 'checked', label: t('audit.checked'), children: result.checked },
              ]}
            />
          ) : null}
          {result.problems && result.problems.length > 0 ? (
            <ul style={{ marginTop: 12, marginBottom: 0 }} data-testid="audit-problems">
              {result.problems.map((p) => (
                <li key={`${p.kind}-${p.seq ?? ''}-${p.toSeq ?? ''}-${p.messageEn}`}>{locale === 'en' ? p.messageEn : p.messageVi}</li>
              ))}
              {result.moreProblems ? <li>{t('audit.moreProblems', { n: result.moreProblems })}</li> : null}
            </ul>
          ) : null}
        </div>
      }
      style={{ marginBottom: 16, borderWidth: 2 }}
      data-testid="audit-verify-result"
      data-ok="false"
    />
  );
}

export default function AuditPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = [20, 50, 100].includes(Number(search.get('pageSize'))) ? Number(search.get('pageSize')) : 50;
  const from = search.get('from') ?? undefined;
  const to = search.get('to') ?? undefined;
  const current = Object.fromEntries(TEXT_FILTERS.map((k) => [k, search.get(k) ?? ''])) as Record<TextFilter, string>;
  const [texts, setTexts] = useState(current);
  const [open, setOpen] = useState<AuditRow | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);

  const write = (patch: Record<string, string | number | undefined>) =>
    replaceSearch({ ...current, from, to, pageSize: pageSize === 50 ? undefined : pageSize, page: undefined, ...patch });

  useEffect(() => {
    if (TEXT_FILTERS.every((k) => texts[k] === current[k])) return;
    const timer = setTimeout(() => write({ ...texts }), 400);
    return () => clearTimeout(timer);
  });

  const { data, loading } = useApi('/api/audit', {
    ...current,
    from: from ? vietnamDayStart(from) : undefined,
    to: to ? vietnamDayAfter(to) : undefined,
    page,
    pageSize,
  });

  const verify = async () => {
    setVerifying(true);
    try {
      setVerified(await api.post('/api/audit/verify'));
    } catch {
      setVerified(null);
    } finally {
      setVerifying(false);
    }
  };

  const brokenSeq = verified && !verified.ok ? verified.brokenAt?.seq : undefined;
  const columns: TableProps<AuditRow>['columns'] = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 90 },
    { key: 'at', dataIndex: 'at', title: t('audit.at'), width: 160, render: (v: string) => formatDateTime(v, true) },
    {
      key: 'actor',
      dataIndex: 'actorName',
      title: t('audit.actor'),
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { key: 'action', dataIndex: 'action', title: t('audit.action'), render: (v: string) => <Tag color="geekblue">{v}</Tag> },
    {
      key: 'entity',
      title: t('audit.entityType'),
      render: (_, row) =>
        row.entityType ? (
          <span>
            {row.entityType}
            {row.entityId ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
                {row.entityId}
              </Typography.Text>
            ) : null}
          </span>
        ) : null,
    },
    { key: 'reason', dataIndex: 'reason', title: t('audit.reason'), ellipsis: true },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 130 },
    {
      key: 'details',
      title: '',
      width: 60,
      render: (_, row) => (
        <Button type="text" icon={<FileSearchOutlined />} aria-label={t('audit.details')} onClick={() => setOpen(row)} data-testid="audit-details" />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.intro')}
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      />
      {verified ? <VerifyResult result={verified} /> : null}
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          {TEXT_FILTERS.map((key) => (
            <Input
              key={key}
              allowClear
              placeholder={t(`audit.${key === 'actor' ? 'actor' : key}`)}
              value={texts[key]}
              onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
              style={{ width: key === 'entityId' ? 240 : 160 }}
              data-testid={`audit-filter-${key}`}
            />
          ))}
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            placeholder={[t('audit.from'), t('audit.to')]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              write({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
            data-testid="audit-filter-dates"
          />
        </Flex>
        <Table<AuditRow>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          onRow={(row) => (row.seq === brokenSeq ? { style: { background: '#fff1f0' } } : {})}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => write({ page: p === 1 ? undefined : p, pageSize: size === 50 ? undefined : size }),
          }}
          scroll={{ x: 1000 }}
          data-testid="audit-table"
        />
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={560}
        title={open ? t('audit.entry', { seq: open.seq }) : ''}
        data-testid="audit-drawer"
      >
        {open ? (
          <>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'at', label: t('audit.at'), children: formatDateTime(open.at, true) },
                { key: 'actor', label: t('audit.actor'), children: open.actorName ?? t('audit.system') },
                { key: 'ip', label: t('audit.ip'), children: open.ip ?? '' },
                { key: 'action', label: t('audit.action'), children: open.action },
                { key: 'type', label: t('audit.entityType'), children: open.entityType ?? '' },
                { key: 'id', label: t('audit.entityId'), children: open.entityId ?? '' },
                { key: 'unit', label: t('audit.unit'), children: open.unitId ?? '' },
                { key: 'reason', label: t('audit.reason'), children: open.reason ?? '' },
                { key: 'prev', label: t('audit.prevHash'), children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{open.prevHash}</Typography.Text> },
                { key: 'hash', label: t('audit.hash'), children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{open.hash}</Typography.Text> },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('audit.details')}
            </Typography.Title>
            <pre className="kc-json" data-testid="audit-details-json">
              {JSON.stringify(open.details ?? null, null, 2)}
            </pre>
          </>
        ) : null}
      </Drawer>
    </>
  );
}
