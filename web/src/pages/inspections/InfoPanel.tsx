import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, List, Popconfirm, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatDate, formatDateTime } from '../../i18n/format';
import { BASE, post } from './data';
import { TeamEditor } from './TeamEditor';
import { type IKey, useIT } from './texts';
import type { InspectionView } from './types';

/** The inspection's facts, the decision forming the team (number, date, signer), its members, and the next step. */
export function InfoPanel({ view, onChanged }: { view: InspectionView; onChanged: () => void }) {
  const it = useIT();
  const { message } = App.useApp();
  const i = view.inspection;
  const decide = async (v: { decisionNo: string; decisionDate: Dayjs; decisionSigner: string }) => {
    await post(`${BASE}/${i.id}/decide`, { decisionNo: v.decisionNo.trim(), decisionDate: v.decisionDate.format('YYYY-MM-DD'), decisionSigner: v.decisionSigner.trim() });
    message.success(it('common.sent'));
    onChanged();
  };
  const start = async () => {
    await post(`${BASE}/${i.id}/start`, {});
    onChanged();
  };
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 't', label: it('info.target'), children: i.targetUnitName },
            { key: 'i', label: it('info.issuer'), children: i.issuerUnitName },
            { key: 'w', label: it('info.window'), children: `${formatDateTime(i.plannedFrom)} – ${formatDateTime(i.plannedTo)}` },
            { key: 'p', label: it('info.place'), children: i.place || '—' },
            { key: 's', label: it('info.scope'), children: i.scope || '—', span: 'filled' },
            {
              key: 'd',
              label: it('info.decision'),
              children: i.decisionNo ? it('info.decisionLine', { no: i.decisionNo, date: formatDate(i.decisionDate), signer: i.decisionSigner ?? '' }) : it('info.decisionNone'),
            },
            { key: 'c', label: it('view.checklist'), children: it('info.checklist', { v: i.checklistVersion }) },
            ...(i.startedAt ? [{ key: 'st', label: it('info.window'), children: it('info.started', { at: formatDateTime(i.startedAt) }) }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={it('info.team')}>
        <List
          size="small"
          dataSource={view.members}
          renderItem={(m) => (
            <List.Item>
              <span>
                {m.name}
                {m.title ? `, ${m.title}` : ''}
              </span>
              <Tag>{it(`role.${m.role}` as IKey)}</Tag>
            </List.Item>
          )}
        />
      </Card>
      {view.can.manage && (i.state === 'DRAFT' || i.state === 'DECIDED') ? (
        <TeamEditor key={view.members.map((m) => `${m.userId}:${m.role}:${m.title}`).join('|')} view={view} onSaved={onChanged} />
      ) : null}
      {view.can.manage && i.state === 'DRAFT' ? (
        <Card size="small" title={it('decide.title')}>
          <Form layout="vertical" onFinish={(v) => void decide(v).catch(() => undefined)}>
            <Flex gap={12} wrap>
              <Form.Item name="decisionNo" label={it('decide.no')} rules={[{ required: true, min: 3 }]} style={{ flex: '1 1 160px' }}>
                <Input placeholder="12/QĐ-UBND" data-testid="decision-no" />
              </Form.Item>
              <Form.Item name="decisionDate" label={it('decide.date')} rules={[{ required: true }]}>
                <DatePicker format="DD/MM/YYYY" inputReadOnly data-testid="decision-date" />
              </Form.Item>
              <Form.Item name="decisionSigner" label={it('decide.signer')} rules={[{ required: true, min: 2 }]} style={{ flex: '1 1 200px' }}>
                <Input data-testid="decision-signer" />
              </Form.Item>
            </Flex>
            <Button type="primary" htmlType="submit" data-testid="decide">
              {it('decide.submit')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {(view.can.manage || view.can.fieldWork) && i.state === 'DECIDED' ? (
        <Popconfirm title={it('start.confirm')} onConfirm={() => void start().catch(() => undefined)}>
          <Button type="primary" size="large" data-testid="start-inspection">
            {it('start.submit')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
