import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { UnitSelect } from '../../components/UnitSelect';
import { navigate } from '../../router';
import { BASE, post, useLoad } from './data';
import { type IKey, KINDS, useIT } from './texts';
import type { InspectionKind, Plan } from './types';

interface Values {
  kind: InspectionKind;
  title: string;
  issuerUnitId: string;
  targetUnitId: string;
  planId?: string;
  window: [Dayjs, Dayjs];
  place?: string;
  scope?: string;
}

/** A new inspection as a draft (the decision, the team and the start come next on its page). */
export function CreateInspectionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const it = useIT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const plans = useLoad<Plan[] | { items: Plan[] }>(open ? `${BASE}/plans` : null);
  const planList = Array.isArray(plans.data) ? plans.data : (plans.data?.items ?? []);
  const submit = async (v: Values) => {
    const body = {
      kind: v.kind,
      title: v.title.trim(),
      issuerUnitId: v.issuerUnitId,
      targetUnitId: v.targetUnitId,
      planId: v.planId ?? null,
      plannedFrom: v.window[0].toISOString(),
      plannedTo: v.window[1].toISOString(),
      place: v.place?.trim() ?? '',
      scope: v.scope?.trim() ?? '',
    };
    const created = await post<{ id: string }>(BASE, body);
    message.success(it('create.done'));
    onClose();
    navigate(`/inspections/${created.id}`);
  };
  return (
    <Modal open={open} title={it('create.title')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'PLANNED' }} onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Form.Item name="kind" label={it('col.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: it(`kind.${k}` as IKey) }))} data-testid="create-kind" />
        </Form.Item>
        <Form.Item name="title" label={it('col.title')} rules={[{ required: true, min: 3 }]}>
          <Input data-testid="create-title" />
        </Form.Item>
        <Form.Item name="issuerUnitId" label={it('create.issuer')} rules={[{ required: true }]}>
          <UnitSelect testId="create-issuer" />
        </Form.Item>
        <Form.Item name="targetUnitId" label={it('col.target')} rules={[{ required: true }]}>
          <UnitSelect testId="create-target" />
        </Form.Item>
        <Form.Item name="planId" label={it('create.plan')}>
          <Select allowClear options={planList.map((p) => ({ value: p.id, label: `${p.periodLabel} — ${p.title}` }))} />
        </Form.Item>
        <Form.Item name="window" label={it('create.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={it('create.place')}>
          <Input />
        </Form.Item>
        <Form.Item name="scope" label={it('create.scope')}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
