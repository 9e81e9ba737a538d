import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, List, Modal, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate } from '../../i18n/format';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { BASE, post, useLoad } from './data';
import { useIT } from './texts';
import type { Plan } from './types';

interface PlanValues {
  issuerUnitId: string;
  year: number;
  periodLabel: string;
  title: string;
  note?: string;
  targets?: Array<{ unitId: string; window: [Dayjs, Dayjs] }>;
}

/** Yearly / quarterly inspection plans with their target units and dates. */
export function PlansPanel() {
  const it = useIT();
  const { can } = useSession();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<PlanValues>();
  const plans = useLoad<Plan[] | { items: Plan[] }>(`${BASE}/plans`);
  const list = Array.isArray(plans.data) ? plans.data : (plans.data?.items ?? []);
  const submit = async (v: PlanValues) => {
    await post(`${BASE}/plans`, {
      issuerUnitId: v.issuerUnitId,
      year: v.year,
      periodLabel: v.periodLabel.trim(),
      title: v.title.trim(),
      note: v.note?.trim() ?? '',
      targets: (v.targets ?? []).map((t) => ({ unitId: t.unitId, plannedFrom: t.window[0].format('YYYY-MM-DD'), plannedTo: t.window[1].format('YYYY-MM-DD') })),
    });
    message.success(it('plan.done'));
    setCreating(false);
    plans.reload();
  };
  return (
    <>
      {can('inspections.manage') ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 12 }} data-testid="plan-create">
          {it('plan.create')}
        </Button>
      ) : null}
      <Table<Plan>
        rowKey="id"
        size="small"
        data-testid="plans-table"
        loading={plans.loading}
        dataSource={list}
        scroll={{ x: 720 }}
        locale={{ emptyText: it('plan.empty') }}
        expandable={{
          expandedRowRender: (p) => (
            <List
              size="small"
              dataSource={p.targets}
              renderItem={(t) => (
                <List.Item>
                  <span>{t.unitName}</span>
                  <span>
                    {formatDate(t.plannedFrom)} – {formatDate(t.plannedTo)}{' '}
                    <Button size="small" type="link" onClick={() => navigate(`/inspections?unitId=${t.unitId}`)}>
                      {t.inspections}
                    </Button>
                  </span>
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          { key: 'y', title: it('plan.year'), dataIndex: 'year', width: 80 },
          { key: 'p', title: it('plan.period'), dataIndex: 'periodLabel' },
          { key: 't', title: it('col.title'), dataIndex: 'title' },
          { key: 'i', title: it('col.issuer'), dataIndex: 'issuerUnitName' },
          { key: 'n', title: it('plan.targets'), render: (_, p) => <Tag>{p.targets.length}</Tag> },
        ]}
      />
      <Modal open={creating} title={it('plan.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden width={720}>
        <Form form={form} layout="vertical" initialValues={{ year: dayjs().year(), periodLabel: `Năm ${dayjs().year()}` }} onFinish={(v) => void submit(v).catch(() => undefined)}>
          <Flex gap={12} wrap>
            <Form.Item name="year" label={it('plan.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="periodLabel" label={it('plan.period')} extra={it('plan.periodHint')} rules={[{ required: true, min: 2 }]} style={{ flex: 1 }}>
              <Input />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={it('col.title')} rules={[{ required: true, min: 3 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="issuerUnitId" label={it('col.issuer')} rules={[{ required: true }]}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="note" label={it('plan.note')}>
            <Input.TextArea autoSize={{ minRows: 1 }} />
          </Form.Item>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} wrap align="flex-start">
                    <Form.Item name={[f.name, 'unitId']} rules={[{ required: true }]} style={{ flex: '1 1 240px', marginBottom: 8 }}>
                      <UnitSelect placeholder={it('col.target')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'window']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                      <DatePicker.RangePicker format="DD/MM/YYYY" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'flex-start' }}>
                  {it('plan.addTarget')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
