import { Alert, Card, Descriptions, List, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { useVT } from './texts';
import type { Schemas } from '../../api/contract';

/**
 * The discipline regime in force for the person's category and date, the forms the law provides and the time limits.
 * It lists; it never pre-selects a form (domain.md §4.4: the competent authority decides after the procedure).
 */
export function DisciplinePanel({ ctx }: { ctx: Schemas['DisciplineContext'] }) {
  const vt = useVT();
  const { locale, pick } = useI18n();
  const r = ctx.regime;
  const d = ctx.deadlines;
  return (
    <Card title={vt('discipline.title')} data-testid="discipline-panel" data-regime={r.code}>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {locale === 'en' ? r.nameEn : r.nameVi}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{r.legalBasis}</Typography.Paragraph>
      <Typography.Text>{vt('discipline.forms')}</Typography.Text>
      <List
        size="small"
        data-testid="discipline-forms"
        dataSource={r.forms}
        renderItem={(f) => (
          <List.Item data-testid={`form-${f.code}`}>
            {locale === 'en' ? f.en : f.vi}
            {f.leadersOnly ? <Tag style={{ marginLeft: 8 }}>{vt('discipline.leadersOnly')}</Tag> : null}
            {f.nonLeadersOnly ? <Tag style={{ marginLeft: 8 }}>{vt('discipline.nonLeadersOnly')}</Tag> : null}
            {f.electedOnly ? <Tag style={{ marginLeft: 8 }}>{vt('discipline.electedOnly')}</Tag> : null}
          </List.Item>
        )}
      />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          ...(d.limitationReprimandUntil
            ? [{ key: 'lim', label: vt('discipline.limitation'), children: vt('discipline.limitationText', { reprimand: formatDate(d.limitationReprimandUntil), heavier: formatDate(d.limitationHeavierUntil) }) }]
            : []),
          ...(d.processingDueOn
            ? [{ key: 'proc', label: vt('discipline.processing'), children: vt('discipline.processingText', { normal: formatDate(d.processingDueOn), extended: formatDate(d.processingExtendedDueOn) }) }]
            : []),
        ]}
      />
      <Alert type="info" showIcon style={{ marginTop: 12 }} title={pick(r.note)} />
    </Card>
  );
}
