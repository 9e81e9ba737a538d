import { Button, Card, Checkbox, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { navigate } from '../../router';
import { type CaseSummary, type Proposal, useLoad } from './data';

/** Violations proposed for discipline (pick those of one person → one case) and the cases in the user's scope. */
export default function DisciplineListPage() {
  const { pick, locale } = useI18n();
  const en = locale === 'en';
  const proposals = useLoad<Proposal[]>('/api/discipline/proposals');
  const cases = useLoad<CaseSummary[]>('/api/discipline/cases');
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const person = proposals.data?.find((p) => p.id === picked[0])?.personId;
  const open = async () => {
    const r = await request<{ id: string }>('POST', '/api/discipline/cases', { body: { violationIds: picked, note: note || null } });
    navigate(`/discipline/${r.id}`);
  };
  return (
    <>
      <PageHeader title={en ? 'Disciplinary cases' : 'Xử lý kỷ luật'} subtitle={en ? 'From the discipline proposal to the decision taken by the competent person' : 'Từ đề nghị xem xét kỷ luật đến quyết định của người có thẩm quyền'} />
      <Card title={en ? 'Violations proposed for discipline' : 'Vi phạm đã đề nghị xem xét kỷ luật'} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          data-testid="discipline-proposals"
          loading={proposals.loading}
          dataSource={proposals.data ?? []}
          pagination={false}
          columns={[
            { title: '', key: 'pick', render: (_, p) => <Checkbox data-testid={`pick-${p.id}`} checked={picked.includes(p.id)} disabled={!!person && p.personId !== person} onChange={(e) => setPicked(e.target.checked ? [...picked, p.id] : picked.filter((x) => x !== p.id))} /> },
            { title: en ? 'Person' : 'Cán bộ', dataIndex: 'personName' },
            { title: en ? 'Violation' : 'Vi phạm', key: 'k', render: (_, p) => pick(p.kindLabel) },
            { title: en ? 'Date' : 'Ngày vi phạm', key: 'd', render: (_, p) => formatDate(p.occurredOn) },
            { title: en ? 'Proposed on' : 'Ngày đề nghị', key: 'p', render: (_, p) => formatDate(p.proposedOn) },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Input data-testid="case-note" placeholder={en ? 'Note' : 'Ghi chú'} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 360 }} />
          <Button type="primary" data-testid="open-case" disabled={picked.length === 0} onClick={() => void open()}>
            {en ? 'Open a case' : 'Lập hồ sơ xử lý kỷ luật'}
          </Button>
        </Space>
      </Card>
      <Card title={en ? 'Cases' : 'Hồ sơ'}>
        <Table
          rowKey="id"
          size="small"
          data-testid="discipline-cases"
          loading={cases.loading}
          dataSource={cases.data ?? []}
          onRow={(c) => ({ onClick: () => navigate(`/discipline/${c.id}`), 'data-testid': `case-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: en ? 'Person' : 'Cán bộ', dataIndex: 'personName' },
            { title: en ? 'Unit' : 'Đơn vị', dataIndex: 'unitName' },
            { title: en ? 'Stage' : 'Giai đoạn', key: 's', render: (_, c) => <Tag>{pick(c.stateLabel)}</Tag> },
            { title: en ? 'Detected' : 'Ngày phát hiện', key: 'd', render: (_, c) => formatDate(c.detectedOn) },
            { title: en ? 'Decision' : 'Quyết định', key: 'q', render: (_, c) => (c.decisionNumber ? `${c.decisionNumber} — ${c.formLabel}` : '') },
          ]}
        />
      </Card>
    </>
  );
}
