import { App, Button, Card, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../i18n/format';
import { BASE, post } from './data';
import { isOverdue } from './remediation';
import { type IKey, useIT } from './texts';
import type { InspectionView, Remediation } from './types';

const REM_COLORS: Record<string, string> = { OPEN: 'blue', REPORTED: 'cyan', DONE: 'green', OVERDUE: 'red' };


/** Remediation items with owners and deadlines, the unit's report, confirmation, and closing the inspection. */
export function RemediationsPanel({ view, onChanged }: { view: InspectionView; onChanged: () => void }) {
  const it = useIT();
  const { message } = App.useApp();
  const id = view.inspection.id;
  const [reporting, setReporting] = useState<Remediation | null>(null);
  const [text, setText] = useState('');
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState('');
  const act = async (path: string, body: unknown, done?: string) => {
    await post(`${BASE}/${id}${path}`, body);
    if (done) message.success(done);
    onChanged();
  };
  return (
    <Card
      size="small"
      title={it('view.remediation')}
      extra={
        view.can.close && view.inspection.state !== 'CLOSED' ? (
          <Button danger onClick={() => setClosing(true)} data-testid="close-inspection">
            {it('rem.close')}
          </Button>
        ) : null
      }
    >
      <Table<Remediation>
        rowKey="id"
        size="small"
        data-testid="remediations"
        dataSource={view.remediations}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: it('rem.empty') }}
        onRow={(r) => ({ 'data-testid': `remediation-${r.id}`, 'data-overdue': isOverdue(r) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'd', title: it('rem.description'), render: (_, r) => <span style={{ whiteSpace: 'normal' }}>{r.description}</span> },
          { key: 'o', title: it('doc.owner'), dataIndex: 'ownerUnitName' },
          {
            key: 'due',
            title: it('doc.due'),
            render: (_, r) => (
              <Flex gap={4} wrap>
                {formatDate(r.dueOn)}
                {isOverdue(r) ? (
                  <Tag color="red" data-testid="overdue-flag">
                    {it('rem.overdueFlag')}
                  </Tag>
                ) : null}
              </Flex>
            ),
          },
          { key: 's', title: it('col.state'), render: (_, r) => <Tag color={REM_COLORS[r.state]}>{it(`rem.${r.state}` as IKey)}</Tag> },
          {
            key: 'r',
            title: it('rem.report'),
            render: (_, r) => (
              <Flex vertical gap={4}>
                {r.report ? <Typography.Text style={{ whiteSpace: 'normal' }}>{r.report}</Typography.Text> : null}
                {r.closedNote ? <Typography.Text type="secondary">{r.closedNote}</Typography.Text> : null}
              </Flex>
            ),
          },
          {
            key: 'a',
            title: '',
            render: (_, r) => (
              <Flex gap={4} wrap>
                {view.can.report && (r.state === 'OPEN' || r.state === 'OVERDUE') ? (
                  <Button size="small" onClick={() => {
                      setReporting(r);
                      setText('');
                    }}>
                    {it('rem.report')}
                  </Button>
                ) : null}
                {view.can.close && r.state !== 'DONE' ? (
                  <Button size="small" type="primary" data-testid="remediation-done" onClick={() => void act(`/remediations/${r.id}/done`, { note: null }).catch(() => undefined)}>
                    {it('rem.done')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={reporting !== null}
        title={it('rem.report')}
        onCancel={() => setReporting(null)}
        okButtonProps={{ disabled: text.trim().length < 3 }}
        onOk={() =>
          void act(`/remediations/${reporting?.id}/report`, { text: text.trim() }, it('common.sent'))
            .then(() => setReporting(null))
            .catch(() => undefined)
        }
      >
        <Typography.Paragraph>{reporting?.description}</Typography.Paragraph>
        <Input.TextArea autoSize={{ minRows: 3 }} value={text} onChange={(e) => setText(e.target.value)} placeholder={it('rem.reportText')} />
      </Modal>
      <Modal
        open={closing}
        title={it('rem.close')}
        onCancel={() => setClosing(false)}
        okButtonProps={{ disabled: note.trim().length < 3, danger: true }}
        onOk={() =>
          void act('/close', { note: note.trim() }, it('rem.closed'))
            .then(() => setClosing(false))
            .catch(() => undefined)
        }
      >
        <Input.TextArea autoSize={{ minRows: 3 }} value={note} onChange={(e) => setNote(e.target.value)} placeholder={it('rem.closeNote')} />
      </Modal>
    </Card>
  );
}
