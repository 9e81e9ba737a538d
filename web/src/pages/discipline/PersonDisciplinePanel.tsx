import { Card, List, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { type Consequence, type DisciplineRecord, useLoad } from './data';

/** The dated consequences of a decision, each with its legal basis and how sure that basis is ([S], [K-M], [K-L]). */
export function ConsequenceList({ items }: { items: Consequence[] }) {
  const { locale } = useI18n();
  return (
    <List size="small" dataSource={items} renderItem={(f) => (
      <List.Item data-testid={`consequence-${f.code}`}>
        {locale === 'en' ? f.en : f.vi}
        {f.until ? ` (${formatDate(f.from)} – ${formatDate(f.until)})` : ` (${formatDate(f.from)})`} <Tag>[{f.confidence}]</Tag>
        <Typography.Text type="secondary"> {f.legalBasis}</Typography.Text>
      </List.Item>
    )} />
  );
}

/** On the person's page: disciplinary decisions with their effective dates and consequences, and cases under way. */
export function PersonDisciplinePanel({ personId }: { personId: string }) {
  const { locale, pick } = useI18n();
  const en = locale === 'en';
  const { data } = useLoad<DisciplineRecord>(`/api/discipline/persons/${personId}/record`);
  if (!data || (data.decisions.length === 0 && data.underConsideration.length === 0)) return null;
  return (
    <Card title={en ? 'Discipline' : 'Kỷ luật'} size="small" style={{ marginTop: 16 }} data-testid="person-discipline">
      {data.underConsideration.map((c) => <Typography.Paragraph key={c.caseId}><a href={`/discipline/${c.caseId}`}>{en ? 'Under consideration' : 'Đang xem xét xử lý kỷ luật'}</a> — {pick(c.stateLabel)} ({formatDate(c.detectedOn)})</Typography.Paragraph>)}
      {data.decisions.map((d) => (
        <div key={d.caseId} data-testid={`person-decision-${d.caseId}`}>
          <Typography.Paragraph strong>
            {d.formLabel} — {en ? 'decision' : 'quyết định số'} {d.number}, {en ? 'effective' : 'có hiệu lực từ ngày'} <span data-testid="person-decision-effective">{formatDate(d.effectiveOn)}</span> {d.inForce ? <Tag color="red">{en ? 'in force' : 'đang thi hành'}</Tag> : null}
          </Typography.Paragraph>
          <ConsequenceList items={d.consequences} />
        </div>
      ))}
    </Card>
  );
}
