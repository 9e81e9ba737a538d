import { Alert, Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import { VIOLATION_KIND_LABELS } from '../../../../src/platform/glossary';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { Schemas } from '../../api/contract';

type Label = { vi: string; en: string };

/**
 * The fields issue 13 adds to the violation detail (one fact, one violation; fair counting; where the rules come
 * from). Typed here until the lead regenerates schema.gen.ts at integration.
 */
export type ViolationDetailV2 = Schemas['ViolationDetail'] & {
  thresholds: Label | null;
  judgement: Schemas['ViolationDetail']['judgement'] & {
    judged: boolean;
    rulesBasis: Label;
    countedRecorded: boolean;
    countedFrom: Array<{ id: string; occurredOn: string; kind: string; kindLabel: Label; stillUpheld: boolean; since: 'UPHELD' | 'DISMISSED' | 'RETRACTED' }>;
  };
  kindChanges: Array<{ from: string; to: string; fromLabel: Label; toLabel: Label; cause: string; causeLabel: Label; notified: boolean; at: string; details: Record<string, unknown> }>;
  retraction: (NonNullable<Schemas['ViolationDetail']['retraction']> & { reasonLabel: Label | null }) | null;
};

const SINCE: Record<string, Label> = {
  DISMISSED: { vi: 'đã được miễn sau khi tính', en: 'dismissed since it was counted' },
  RETRACTED: { vi: 'đã hủy sau khi tính', en: 'retracted since it was counted' },
};

/** A fact a pending request covers: no judgement, no explanation, no decision until the request is decided. */
export function AwaitingNotice({ v }: { v: ViolationDetailV2 }) {
  const { pick } = useI18n();
  if ((v.kind as string) !== 'AWAITING_JUSTIFICATION' || v.retraction) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="awaiting-justification"
      title={pick(VIOLATION_KIND_LABELS.AWAITING_JUSTIFICATION)}
      description={pick({
        vi: 'Ngày này có đơn đang chờ duyệt. Chưa đánh giá, chưa yêu cầu giải trình và chưa thể cho ý kiến xử lý cho đến khi đơn được quyết định.',
        en: 'A request covering this day is pending. Nothing is judged, asked or decided until it is.',
      })}
    />
  );
}

/** Why it was retracted, from the glossary, with the day off (name, legal basis) or the request behind it. */
export function retractionText(v: ViolationDetailV2, pick: (l: Label) => string): string {
  const r = v.retraction;
  if (!r) return '';
  const d = (r.details ?? {}) as { dayOff?: { name: string; legalBasis: string | null } | null; requestId?: string | null };
  const extra = d.dayOff ? ` — ${d.dayOff.name}${d.dayOff.legalBasis ? ` (${d.dayOff.legalBasis})` : ''}` : '';
  return `${formatDateTime(r.at)} — ${r.reasonLabel ? pick(r.reasonLabel) : (r.reason ?? '')}${extra}`;
}

/** "Lần thứ 3: ngày 02/03/2026, 05/03/2026", the regulation (or the system default) and whose thresholds applied. */
export function JudgementCard({ v }: { v: ViolationDetailV2 }) {
  const { pick } = useI18n();
  const j = v.judgement;
  const counted = j.countedFrom;
  const changedSince = counted.filter((c) => !c.stillUpheld);
  const ordinal = !j.judged
    ? pick({ vi: 'Chưa đánh giá (chờ hợp thức hóa)', en: 'Not judged yet (awaiting justification)' })
    : `${pick({ vi: 'Lần thứ', en: 'No.' })} ${j.repeatOrdinal} (${j.repeatWindow ?? ''})${
        counted.length ? `: ${pick({ vi: 'ngày', en: 'on' })} ${counted.map((c) => formatDate(c.occurredOn)).join(', ')}` : ''
      }`;
  return (
    <Card title={pick({ vi: 'Đánh giá theo quy chế', en: 'Judgement by the regulation' })} data-testid="judgement">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'basis', label: pick({ vi: 'Căn cứ', en: 'Basis' }), children: <span data-testid="rules-basis">{pick(j.rulesBasis)}</span> },
          ...(v.thresholds ? [{ key: 'thr', label: pick({ vi: 'Ngưỡng chấm công', en: 'Attendance thresholds' }), children: <span data-testid="thresholds">{pick(v.thresholds)}</span> }] : []),
          { key: 'rep', label: pick({ vi: 'Lần vi phạm trong kỳ', en: 'Repeat in the window' }), children: <span data-testid="repeat-ordinal">{ordinal}</span> },
          ...(j.judged ? [{ key: 'prop', label: pick({ vi: 'Biện pháp đề xuất', en: 'Proposed measure' }), children: pick(j.proposedActionLabel) }] : []),
        ]}
      />
      {j.judged && !j.countedRecorded ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {pick({ vi: 'Đánh giá lập trước khi hệ thống lưu danh sách vi phạm được tính.', en: 'Judged before the counted violations were recorded.' })}
        </Typography.Text>
      ) : null}
      {changedSince.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="counted-changed"
          title={changedSince.map((c) => `${formatDate(c.occurredOn)}: ${pick(SINCE[c.since] as Label)}`).join('; ')}
          description={pick({
            vi: 'Đánh giá đã lập không tự thay đổi. Lãnh đạo cân nhắc điều này khi cho ý kiến xử lý.',
            en: 'The judgement is not redone automatically; the leader weighs this when deciding.',
          })}
        />
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pick({ vi: 'Nhắc nhở, kiểm điểm là biện pháp quản lý, không phải hình thức kỷ luật.', en: 'Reminders and reviews are management measures, not disciplinary forms.' })}
      </Typography.Text>
    </Card>
  );
}

/** The history of this fact's kind: one violation whose kind changed in place, each change with its cause. */
export function KindHistoryCard({ v }: { v: ViolationDetailV2 }) {
  const { pick } = useI18n();
  if (v.kindChanges.length === 0) return null;
  return (
    <Card title={pick({ vi: 'Thay đổi loại vi phạm', en: 'Kind changes' })}>
      <Timeline
        data-testid="kind-history"
        items={v.kindChanges.map((k) => ({
          key: `${k.at}-${k.to}`,
          content: (
            <div>
              <strong>
                {pick(k.fromLabel)} → {pick(k.toLabel)}
              </strong>{' '}
              — {formatDateTime(k.at)}
              <div>
                {pick(k.causeLabel)}
                {k.notified ? (
                  <Tag style={{ marginLeft: 8 }} color="blue">
                    {pick({ vi: 'đã thông báo cho người vi phạm', en: 'the person was told' })}
                  </Tag>
                ) : null}
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
