import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';
import { useSession } from '../../session';
import { useVT, type VKey } from './texts';

/**
 * A rule configuration as this page shows and edits it. The API carries it as an open object (`config` of RuleSet
 * and EffectiveRules); the server validates it against the rules module's schema.
 */
type RuleConfig = {
  counts: string[];
  // No grace minutes: the unit's one grace setting is in its attendance rules (audit D14); violations follow the
  // attendance status as computed with it.
  repeatWindow: { kind: 'CALENDAR_MONTH' | 'CALENDAR_QUARTER' | 'ROLLING_DAYS'; days?: number };
  repeatGroups: string[][];
  steps: Array<{ fromCount: number; action: string; notifyUnitHead: boolean; requestExplanation: boolean }>;
  explanationDays: number;
  /** Absent in rule sets stored before the field existed: those meant working days. */
  explanationDaysKind?: 'WORKING' | 'CALENDAR';
};
type RuleSet = Schemas['RuleSet'];

const AUTO_KINDS = ['LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED'];
const ACTIONS = ['REMINDER', 'WRITTEN_REMINDER', 'PROPOSE_REVIEW'];

function ConfigView({ cfg }: { cfg: RuleConfig }) {
  const vt = useVT();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'counts', label: vt('rules.counts'), children: cfg.counts.map((k) => <Tag key={k}>{vt(`kind.${k}` as VKey)}</Tag>) },
        {
          key: 'window',
          label: vt('rules.window'),
          children: `${vt(`rules.window.${cfg.repeatWindow.kind}` as VKey)}${cfg.repeatWindow.days ? ` (${cfg.repeatWindow.days})` : ''}${cfg.repeatGroups.length ? ` · ${vt('rules.group')}` : ''}`,
        },
        {
          key: 'steps',
          label: vt('rules.steps'),
          children: (
            <div data-testid="rules-steps">
              {cfg.steps.map((s) => (
                <div key={s.fromCount}>
                  {vt('rules.fromCount')} {s.fromCount}: <strong>{vt(`action.${s.action}` as VKey)}</strong>
                  {s.notifyUnitHead ? ` · ${vt('rules.notifyHead')}` : ''}
                  {s.requestExplanation ? ` · ${vt('rules.requestExplanation')}` : ''}
                </div>
              ))}
            </div>
          ),
        },
        {
          key: 'days',
          label: vt('rules.explanationDays'),
          children: <span data-testid="rules-explanation-days">{vt(`rules.days.${cfg.explanationDaysKind ?? 'WORKING'}` as VKey, { n: cfg.explanationDays })}</span>,
        },
      ]}
    />
  );
}

interface FormValues {
  validFrom: Dayjs;
  name: string;
  legalBasis?: string;
  counts: string[];
  windowKind: RuleConfig['repeatWindow']['kind'];
  days?: number;
  groupLateEarly: boolean;
  steps: RuleConfig['steps'];
  explanationDays: number;
  explanationDaysKind: 'WORKING' | 'CALENDAR';
}

function AdoptForm({ unitId, base, onDone }: { unitId: string; base: RuleConfig; onDone: () => void }) {
  const vt = useVT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const windowKind = Form.useWatch('windowKind', form);
  const submit = async () => {
    const v = await form.validateFields();
    const config: RuleConfig = {
      counts: v.counts,
      repeatWindow: v.windowKind === 'ROLLING_DAYS' ? { kind: 'ROLLING_DAYS', days: v.days ?? 30 } : { kind: v.windowKind },
      repeatGroups: v.groupLateEarly ? [['LATE', 'EARLY_LEAVE']] : [],
      steps: [...v.steps].sort((a, b) => a.fromCount - b.fromCount),
      explanationDays: v.explanationDays,
      explanationDaysKind: v.explanationDaysKind,
    };
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/rules', { unitId, validFrom: v.validFrom.format('YYYY-MM-DD'), name: v.name, legalBasis: v.legalBasis || null, config }, { quiet: true });
      message.success(vt('rules.adopted'));
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={vt('rules.adopt')} data-testid="rules-adopt">
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          validFrom: dayjs().add(1, 'day'),
          counts: base.counts,
          windowKind: base.repeatWindow.kind,
          days: base.repeatWindow.days ?? 30,
          groupLateEarly: base.repeatGroups.length > 0,
          steps: base.steps,
          explanationDays: base.explanationDays,
          explanationDaysKind: base.explanationDaysKind ?? 'WORKING',
        }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="validFrom" label={vt('rules.validFrom')} rules={[{ required: true }]}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={vt('rules.name')} rules={[{ required: true, min: 3 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="legalBasis" label={vt('rules.legalBasis')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="counts" label={vt('rules.counts')}>
          <Checkbox.Group options={AUTO_KINDS.map((k) => ({ value: k, label: vt(`kind.${k}` as VKey) }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="windowKind" label={vt('rules.window')}>
            <Select style={{ width: 200 }} options={['CALENDAR_MONTH', 'CALENDAR_QUARTER', 'ROLLING_DAYS'].map((k) => ({ value: k, label: vt(`rules.window.${k}` as VKey) }))} />
          </Form.Item>
          {windowKind === 'ROLLING_DAYS' ? (
            <Form.Item name="days" label={vt('rules.days')}>
              <InputNumber min={1} max={366} />
            </Form.Item>
          ) : null}
          <Form.Item name="explanationDays" label={vt('rules.explanationDays')}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="explanationDaysKind" label={vt('rules.dayKind')}>
            <Select style={{ width: 420 }} options={(['WORKING', 'CALENDAR'] as const).map((k) => ({ value: k, label: vt(`rules.dayKind.${k}` as VKey) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="groupLateEarly" valuePropName="checked">
          <Checkbox>{vt('rules.group')}</Checkbox>
        </Form.Item>
        <div style={{ marginBottom: 8 }}>{vt('rules.steps')}</div>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="center" wrap>
                  <Form.Item name={[f.name, 'fromCount']} label={vt('rules.fromCount')} style={{ marginBottom: 0 }} rules={[{ required: true }]}>
                    <InputNumber min={1} max={1000} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'action']} style={{ marginBottom: 0 }} rules={[{ required: true }]}>
                    <Select style={{ width: 220 }} options={ACTIONS.map((a) => ({ value: a, label: vt(`action.${a}` as VKey) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'notifyUnitHead']} valuePropName="checked" label={vt('rules.notifyHead')} style={{ marginBottom: 0 }}>
                    <Switch size="small" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'requestExplanation']} valuePropName="checked" label={vt('rules.requestExplanation')} style={{ marginBottom: 0 }}>
                    <Switch size="small" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} aria-label="remove" />
                </Flex>
              ))}
              <div>
                <Button icon={<PlusOutlined />} onClick={() => add({ fromCount: (fields.length + 1) * 2, action: 'PROPOSE_REVIEW', notifyUnitHead: true, requestExplanation: true })}>
                  {vt('rules.addStep')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
        {error ? <div style={{ color: '#cf1322', marginTop: 8 }}>{error}</div> : null}
        <Button type="primary" loading={busy} onClick={() => void submit()} style={{ marginTop: 12 }} data-testid="rules-adopt-submit">
          {vt('rules.adopt')}
        </Button>
      </Form>
    </Card>
  );
}

export default function RulesPage() {
  const { pick } = useI18n();
  const vt = useVT();
  const { can } = useSession();
  const { search } = useLocation();
  const unitId = search.get('unitId') ?? undefined;
  const { data, reload } = useApi(unitId ? '/api/rules' : null, { unitId });
  const inForce = data ? (data.effectiveToday.config as RuleConfig) : null;
  return (
    <div>
      <PageHeader
        title={vt('rules.title')}
        subtitle={vt('rules.subtitle')}
        extra={<UnitSelect value={unitId} onChange={(v) => replaceSearch({ unitId: v ?? undefined })} placeholder={vt('list.unit')} style={{ width: 320 }} />}
      />
      {!unitId ? <Empty description={vt('rules.pickUnit')} /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Flex vertical gap={16}>
              <Card
                title={
                  <span>
                    {vt('rules.inForce')}: {data.effectiveToday.name}
                    {data.effectiveToday.version ? ` (v${data.effectiveToday.version})` : ''}
                    {data.effectiveToday.ownerUnitId && data.effectiveToday.ownerUnitId !== unitId ? <Tag style={{ marginLeft: 8 }}>{vt('rules.inherited')}</Tag> : null}
                  </span>
                }
              >
                {!data.effectiveToday.ruleSetId ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    data-testid="rules-system-default"
                    title={pick({ vi: 'Đang áp dụng theo mặc định của hệ thống (đơn vị chưa ban hành quy chế).', en: 'The system default applies (the unit has not adopted its own regulation).' })}
                    description={pick({
                      vi: 'Thông báo vi phạm nói rõ điều này cho đến khi đơn vị ban hành quy chế của mình.',
                      en: 'Violation notices say so until the unit adopts its own regulation.',
                    })}
                  />
                ) : null}
                {inForce ? <ConfigView cfg={inForce} /> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pick({
                    vi: 'Số phút cho phép đi muộn, về sớm là một con số duy nhất của quy chế làm việc, đặt trong quy định chấm công của đơn vị.',
                    en: 'The grace minutes for late arrival and early leave are one number of the work regulation, set in the unit’s attendance rules.',
                  })}
                </Typography.Text>
              </Card>
              <Card title={vt('rules.versions')}>
                <Table<RuleSet>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={data.items}
                  data-testid="rules-versions"
                  columns={[
                    { key: 'v', title: vt('rules.version'), render: (_, r) => `v${r.version}` },
                    { key: 'from', title: vt('rules.validFrom'), render: (_, r) => formatDate(r.validFrom) },
                    { key: 'to', title: vt('rules.validTo'), render: (_, r) => (r.validTo ? formatDate(r.validTo) : '—') },
                    { key: 'name', title: vt('rules.name'), dataIndex: 'name' },
                  ]}
                />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={12}>
            {can('rules.manage') && inForce ? <AdoptForm key={data.effectiveToday.ruleSetId ?? 'default'} unitId={unitId as string} base={inForce} onDone={reload} /> : null}
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
