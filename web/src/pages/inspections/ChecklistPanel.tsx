import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Image, Input, Progress, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OutboxEntry } from '../../offline/queue';
import { deviceOutbox } from '../../offline/useOutbox';
import { useI18n } from '../../i18n';
import { AttendanceAtVisitCard } from './AttendanceAtVisit';
import { KIND_PHOTO, KIND_RESULT } from './data';
import { PhotoButton } from './PhotoButton';
import { type IKey, useIT, VERDICT_COLORS, VERDICTS } from './texts';
import type { InspectionView, ItemResult, Photo, PhotoPayload, ResultPayload, Verdict } from './types';

const NOTE_DELAY_MS = 700;

export const resultKey = (inspectionId: string, itemId: string) => `result:${inspectionId}:${itemId}`;

/**
 * The checklist as a phone-sized list of cards: three large verdict buttons, a note, photos and (per-person items)
 * "record a finding". Every change goes to the device outbox first (coalesced per item: the last verdict and note
 * win), so it survives a lost connection or a closed tab and is sent when possible. What the outbox still holds is
 * shown over the server's answer.
 */
export function ChecklistPanel({
  view,
  entries,
  editable,
  onAddFinding,
}: {
  view: InspectionView;
  entries: OutboxEntry[];
  editable: boolean;
  onAddFinding: (itemId: string) => void;
}) {
  const it = useIT();
  const inspectionId = view.inspection.id;
  const queued = useMemo(() => {
    const map = new Map<string, ResultPayload>();
    for (const e of entries) if (e.kind === KIND_RESULT) map.set((e.payload as ResultPayload).itemId, e.payload as ResultPayload);
    return map;
  }, [entries]);
  const queuedPhotos = useMemo(() => {
    const count = new Map<string, number>();
    for (const e of entries) {
      const p = e.payload as PhotoPayload;
      if (e.kind === KIND_PHOTO && p.itemId) count.set(p.itemId, (count.get(p.itemId) ?? 0) + 1);
    }
    return count;
  }, [entries]);
  // What this device last set per item: once the outbox entry is sent (and deleted) the server's view may not be
  // reloaded yet, and a note saved in that gap must not carry the old verdict back.
  const [mine, setMine] = useState<ReadonlyMap<string, ResultPayload>>(new Map());
  const latestOf = (item: ItemResult) => queued.get(item.id) ?? mine.get(item.id);
  const verdictOf = (item: ItemResult) => {
    const local = latestOf(item);
    return local ? local.verdict : item.verdict;
  };
  const saved = (p: ResultPayload) => setMine((m) => new Map(m).set(p.itemId, p));
  const judged = view.items.filter((i) => verdictOf(i) !== null).length;

  return (
    <Flex vertical gap={12} data-testid="checklist">
      <Flex align="center" gap={12}>
        <Progress percent={Math.round((judged / Math.max(1, view.items.length)) * 100)} showInfo={false} style={{ flex: 1, margin: 0 }} />
        <Typography.Text data-testid="checklist-judged" data-judged={judged}>
          {it('check.judged', { n: judged, total: view.items.length })}
        </Typography.Text>
      </Flex>
      {editable ? null : <Typography.Text type="secondary">{it('check.readonly')}</Typography.Text>}
      {view.items.map((item) => (
        <ItemCard
          key={item.id}
          item={item}
          inspectionId={inspectionId}
          verdict={verdictOf(item)}
          queuedNote={latestOf(item)?.note}
          onSaved={saved}
          photos={view.photos.filter((p) => p.itemId === item.id).length + (queuedPhotos.get(item.id) ?? 0)}
          sentPhotos={view.photos.filter((p) => p.itemId === item.id && !p.findingId)}
          editable={editable}
          onAddFinding={() => onAddFinding(item.id)}
          extra={item.code === 'WORKING_HOURS' && view.attendanceAtVisit ? <AttendanceAtVisitCard facts={view.attendanceAtVisit} /> : null}
        />
      ))}
    </Flex>
  );
}

function ItemCard({
  item,
  inspectionId,
  verdict,
  queuedNote,
  photos,
  sentPhotos,
  editable,
  onAddFinding,
  onSaved,
  extra,
}: {
  item: ItemResult;
  inspectionId: string;
  verdict: Verdict | null;
  queuedNote: string | undefined;
  photos: number;
  sentPhotos: Photo[];
  editable: boolean;
  onAddFinding: () => void;
  onSaved: (payload: ResultPayload) => void;
  extra: React.ReactNode;
}) {
  const it = useIT();
  const { locale } = useI18n();
  // The note being typed is local until it settles; then it joins the item's outbox entry.
  const [note, setNote] = useState<string>(queuedNote ?? item.note);
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ verdict, note });
  latest.current = { verdict, note };

  useEffect(() => {
    if (!typing.current) setNote(queuedNote ?? item.note);
  }, [queuedNote, item.note]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const save = async (next: { verdict: Verdict | null; note: string }) => {
    const payload: ResultPayload = { inspectionId, itemId: item.id, verdict: next.verdict, note: next.note };
    onSaved(payload);
    await deviceOutbox().enqueue({ key: resultKey(inspectionId, item.id), scope: inspectionId, kind: KIND_RESULT, payload });
    void deviceOutbox().flush();
  };
  const choose = (v: Verdict) => {
    if (timer.current) clearTimeout(timer.current);
    typing.current = false;
    void save({ verdict: v, note: latest.current.note });
  };
  const typed = (text: string) => {
    setNote(text);
    typing.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      typing.current = false;
      void save({ verdict: latest.current.verdict, note: text });
    }, NOTE_DELAY_MS);
  };

  return (
    <Card
      size="small"
      data-testid={`item-${item.code}`}
      data-verdict={verdict ?? ''}
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {item.ord}. {locale === 'en' ? item.titleEn : item.titleVi}
        </Typography.Text>
      }
      styles={{ header: { paddingBlock: 8 } }}
    >
      <Flex vertical gap={10}>
        {item.perPerson ? (
          <Tag color="blue" style={{ alignSelf: 'flex-start' }}>
            {it('check.perPerson')}
          </Tag>
        ) : null}
        {item.legalBasis ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {it('check.legal')}: {item.legalBasis}
          </Typography.Text>
        ) : null}
        <Flex gap={8}>
          {VERDICTS.map((v) => (
            <Button
              key={v}
              size="large"
              disabled={!editable}
              type={verdict === v ? 'primary' : 'default'}
              style={{ flex: 1, minWidth: 0, paddingInline: 4, ...(verdict === v ? { background: VERDICT_COLORS[v], borderColor: VERDICT_COLORS[v] } : {}) }}
              aria-pressed={verdict === v}
              data-testid={`verdict-${item.code}-${v}`}
              onClick={() => choose(v)}
            >
              <span style={{ whiteSpace: 'normal', lineHeight: 1.15, fontSize: 14 }}>{it(`verdict.${v}` as IKey)}</span>
            </Button>
          ))}
        </Flex>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 6 }}
          placeholder={it('check.note')}
          value={note}
          disabled={!editable}
          onChange={(e) => typed(e.target.value)}
          data-testid={`note-${item.code}`}
        />
        {editable ? (
          <Flex gap={8} wrap align="center">
            <PhotoButton inspectionId={inspectionId} itemId={item.id} testId={`photo-input-${item.code}`} />
            {item.perPerson ? (
              <Button icon={<PlusOutlined />} onClick={onAddFinding} data-testid={`add-finding-${item.code}`}>
                {it('check.addFinding')}
              </Button>
            ) : null}
            {photos > 0 ? <Tag data-testid={`photos-${item.code}`}>{it('check.photos', { n: photos })}</Tag> : null}
          </Flex>
        ) : null}
        {sentPhotos.length > 0 ? (
          <Flex gap={6} wrap>
            <Image.PreviewGroup>
              {sentPhotos.map((p) => (
                <Image key={p.id} src={p.url} width={56} height={56} style={{ objectFit: 'cover' }} />
              ))}
            </Image.PreviewGroup>
          </Flex>
        ) : null}
        {extra}
      </Flex>
    </Card>
  );
}
