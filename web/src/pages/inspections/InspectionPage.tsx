import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { NotFound } from '../../components/StatusPages';
import { useOutbox } from '../../offline/useOutbox';
import { navigate, replaceSearch, useLocation } from '../../router';
import type { PageProps } from '../../routes';
import { CameraPanel } from './CameraPanel';
import { ChecklistPanel } from './ChecklistPanel';
import { BASE, registerInspectionSenders, useLoad } from './data';
import { DocumentsPanel } from './DocumentsPanel';
import { FindingForm } from './FindingForm';
import { FindingsPanel } from './FindingsPanel';
import { InfoPanel } from './InfoPanel';
import { OutboxBar } from './OutboxBar';
import { RemediationsPanel } from './RemediationsPanel';
import { type IKey, STATE_COLORS, useIT } from './texts';
import type { InspectionView } from './types';

// The senders must exist before the outbox first flushes (on this page's first render).
registerInspectionSenders();

const TABS = ['info', 'checklist', 'findings', 'cameras', 'documents', 'remediation'] as const;
type Tab = (typeof TABS)[number];

/**
 * One inspection: the decision and the team, the checklist (the phone's main screen on site), findings with persons
 * and photos, camera evidence, minutes and conclusion, remediation. Field work goes through the device outbox; the
 * bar on top says what waits to be sent.
 */
export default function InspectionPage({ params }: PageProps) {
  const it = useIT();
  const id = params.id as string;
  const { search } = useLocation();
  const loaded = useLoad<InspectionView>(`${BASE}/${id}`, undefined, `inspection:${id}`);
  const outbox = useOutbox(id, loaded.reload);
  const [finding, setFinding] = useState<{ open: boolean; itemId: string | null }>({ open: false, itemId: null });
  const view = loaded.data;

  if (loaded.error?.status === 404 || loaded.error?.status === 403) return <NotFound />;
  if (!view) return <Skeleton active />;

  const i = view.inspection;
  const fieldWork = view.can.fieldWork && i.state === 'IN_PROGRESS';
  const asked = search.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : i.state === 'IN_PROGRESS' ? 'checklist' : 'info';
  const showRemediation = view.remediations.length > 0 || ['CONCLUDED', 'REMEDIATING', 'CLOSED'].includes(i.state);

  return (
    <div data-testid="inspection-page" data-state={i.state}>
      <PageHeader
        title={i.title}
        subtitle={
          <Flex gap={6} wrap align="center">
            <Tag color={STATE_COLORS[i.state]} data-testid="inspection-state">
              {it(`state.${i.state}` as IKey)}
            </Tag>
            <Tag>{it(`kind.${i.kind}` as IKey)}</Tag>
            <span>{i.targetUnitName}</span>
          </Flex>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/inspections')}>
            {it('common.back')}
          </Button>
        }
      />
      {loaded.fromCache ? <Alert type="warning" showIcon title={it('common.offlineCopy')} style={{ marginBottom: 12 }} /> : null}
      {fieldWork || outbox.entries.length > 0 ? <OutboxBar state={outbox} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => replaceSearch({ tab: k })}
        items={[
          { key: 'info', label: it('view.info'), children: <InfoPanel view={view} onChanged={loaded.reload} /> },
          {
            key: 'checklist',
            label: it('view.checklist'),
            children: <ChecklistPanel view={view} entries={outbox.entries} editable={fieldWork} onAddFinding={(itemId) => setFinding({ open: true, itemId })} />,
          },
          {
            key: 'findings',
            label: `${it('view.findings')} (${view.findings.length})`,
            children: <FindingsPanel view={view} entries={outbox.entries} editable={fieldWork} onAdd={() => setFinding({ open: true, itemId: null })} />,
          },
          { key: 'cameras', label: it('view.cameras'), children: <CameraPanel view={view} editable={fieldWork} onAttached={loaded.reload} /> },
          { key: 'documents', label: it('view.documents'), children: <DocumentsPanel view={view} onIssued={loaded.reload} /> },
          ...(showRemediation ? [{ key: 'remediation', label: it('view.remediation'), children: <RemediationsPanel view={view} onChanged={loaded.reload} /> }] : []),
        ]}
      />
      <FindingForm view={view} itemId={finding.itemId} open={finding.open} onClose={() => setFinding({ open: false, itemId: null })} />
    </div>
  );
}
