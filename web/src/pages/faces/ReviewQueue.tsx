import { App, Button, Card, Empty, Flex, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { formatDateTime } from '../../i18n/format';
import { useGT } from './gate-texts';
import { usePT } from './pass-texts';
import { type FKey, useFT } from './texts';

type Item = Schemas['FaceReviewItem'];
type Candidate = Item['candidates'][number];

interface Group {
  personId: string | null;
  name: string;
  items: Item[];
}

/** Passes grouped by their top candidate, the largest group first: one decision per person, often in one click. */
function groupByPerson(items: Item[], none: string): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const top = item.candidates[0];
    const key = top?.personId ?? '';
    const g = groups.get(key) ?? { personId: top?.personId ?? null, name: top ? `${top.fullName ?? ''} (${top.employeeCode ?? ''})` : none, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name, 'vi'));
}

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);

/**
 * The review queue (issue 14): one item per gate pass (fragments already merged by the gate), grouped by the person the
 * machine proposes first, each pass' snapshot beside the candidates' reference photos. Keyboard: J / K move between
 * passes, 1–3 pick a candidate, Enter confirms the picked one (the first by default), X rejects; a group's passes can
 * all be confirmed as its person at once.
 */
export function ReviewQueue() {
  const ft = useFT();
  const pt = usePT();
  const { message } = App.useApp();
  const queue = useApi('/api/recognition/reviews');
  const groups = useMemo(() => groupByPerson(queue.data?.items ?? [], pt('review.groupNone')), [queue.data, pt]);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const [index, setIndex] = useState(0);
  const [picked, setPicked] = useState(0);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const current = flat[Math.min(index, flat.length - 1)];

  const confirm = useCallback(
    async (item: Item, c: Candidate) => {
      setBusy(true);
      try {
        await api.post(`/api/recognition/reviews/${item.id}/confirm`, { personId: c.personId });
        message.success(ft('faces.review.done'));
      } finally {
        setBusy(false);
        setPicked(0);
        queue.reload();
      }
    },
    [ft, message, queue],
  );

  const reject = useCallback(
    async (item: Item) => {
      const reason = (reasons[item.id] ?? '').trim() || pt('review.defaultReject');
      setBusy(true);
      try {
        await api.post(`/api/recognition/reviews/${item.id}/reject`, { reason });
      } finally {
        setBusy(false);
        setPicked(0);
        queue.reload();
      }
    },
    [pt, queue, reasons],
  );

  const bulk = async (g: Group) => {
    if (!g.personId) return;
    setBusy(true);
    try {
      const out = await api.post('/api/recognition/reviews/bulk-confirm', { items: g.items.map((i) => ({ id: i.id, personId: g.personId as string })) });
      message.success(pt('review.bulkDone', { confirmed: out.confirmed, failed: out.failed }));
    } finally {
      setBusy(false);
      queue.reload();
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey || busy || !current) return;
      const k = e.key.toLowerCase();
      // Enter on a focused button or link is that control's own click, not "confirm the selected pass".
      if (k === 'enter' && e.target instanceof HTMLElement && e.target.closest('button, a, [role=button], [role=tab]')) return;
      if (k === 'j' || k === 'k') {
        setIndex((i) => Math.max(0, Math.min(flat.length - 1, i + (k === 'j' ? 1 : -1))));
        setPicked(0);
      } else if (k >= '1' && k <= '3' && Number(k) <= current.candidates.length) setPicked(Number(k) - 1);
      else if (k === 'enter' && current.candidates[picked]) void confirm(current, current.candidates[picked] as Candidate);
      else if (k === 'x') void reject(current);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, confirm, current, flat.length, picked, reject]);

  // The selected pass stays in view as J / K move through a long queue.
  useEffect(() => {
    if (current) document.querySelector(`[data-review-id="${current.id}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (!queue.data?.items.length) return <Empty description={ft('faces.review.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="faces-review">
      <Typography.Text type="secondary" data-testid="review-shortcuts">
        {pt('review.shortcuts')}
      </Typography.Text>
      {groups.map((g) => (
        <Card
          key={g.personId ?? 'none'}
          size="small"
          data-testid="review-group"
          data-person={g.personId ?? ''}
          title={pt('review.group', { name: g.name, n: g.items.length })}
          extra={
            g.personId && g.items.length > 1 ? (
              <Button type="primary" disabled={busy} onClick={() => void bulk(g)} data-testid="review-bulk">
                {pt('review.bulk', { n: g.items.length, name: g.name })}
              </Button>
            ) : null
          }
        >
          <Flex vertical gap={8}>
            {g.items.map((item) => (
              <ReviewCard
                key={item.id}
                item={item}
                selected={item.id === current?.id}
                picked={item.id === current?.id ? picked : -1}
                busy={busy}
                reason={reasons[item.id] ?? ''}
                onSelect={() => {
                  setIndex(flat.indexOf(item));
                  setPicked(0);
                }}
                onReason={(r) => setReasons({ ...reasons, [item.id]: r })}
                onConfirm={(c) => void confirm(item, c)}
                onReject={() => void reject(item)}
              />
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

interface CardProps {
  item: Item;
  selected: boolean;
  picked: number;
  busy: boolean;
  reason: string;
  onSelect(): void;
  onReason(r: string): void;
  onConfirm(c: Candidate): void;
  onReject(): void;
}

function ReviewCard({ item, selected, picked, busy, reason, onSelect, onReason, onConfirm, onReject }: CardProps) {
  const ft = useFT();
  const gt = useGT();
  const pt = usePT();
  return (
    <Card
      size="small"
      data-testid="faces-review-item"
      data-review-id={item.id}
      data-selected={selected}
      onClick={onSelect}
      style={selected ? { borderColor: '#1677ff', boxShadow: '0 0 0 2px rgba(22,119,255,0.25)' } : undefined}
    >
      <Flex gap={16} wrap>
        <img src={`/api/recognition/sightings/${item.id}/snapshot`} loading="lazy" alt="" style={{ width: 180, borderRadius: 6 }} data-testid="review-snapshot" />
        <Flex gap={12} wrap>
          {item.candidates.slice(0, 3).map((c, i) => (
            <CandidateTile key={c.personId} c={c} n={i + 1} active={picked === i} disabled={busy} onConfirm={() => onConfirm(c)} />
          ))}
        </Flex>
        <Flex vertical gap={6} style={{ minWidth: 260 }}>
          <Typography.Text>
            {ft('faces.review.seen')}: {formatDateTime(item.seenAt, true)}
          </Typography.Text>
          <Space wrap size={4}>
            {item.cameraName ? <Tag>{pt('review.camera', { name: item.cameraName })}</Tag> : null}
            <Tag>{pt('review.frames', { n: item.frames })}</Tag>
            {item.fragments > 1 ? (
              <Tag color="blue" data-testid="review-fragments">
                {pt('review.fragments', { n: item.fragments })}
              </Tag>
            ) : null}
            {item.masked ? <Tag color="gold">{ft('faces.masked')}</Tag> : null}
            {item.liveness !== null ? (
              <Tag color={item.liveness < 0.5 ? 'orange' : 'default'} data-testid="faces-liveness" title={gt('live.explain')}>
                {gt('live.score', { score: item.liveness.toFixed(2) })}
                {item.liveness < 0.5 ? ` — ${gt('live.low')}` : ''}
              </Tag>
            ) : null}
          </Space>
          {item.reason ? (
            <Typography.Text type="secondary">
              {ft('faces.review.reason')}: {ft(`faces.review.reason.${item.reason}` as FKey)}
            </Typography.Text>
          ) : null}
          <Space.Compact>
            <Input value={reason} onChange={(e) => onReason(e.target.value)} placeholder={pt('review.defaultReject')} onPressEnter={onReject} />
            <Button danger disabled={busy} onClick={onReject} data-testid="review-reject">
              {ft('faces.review.reject')} (X)
            </Button>
          </Space.Compact>
        </Flex>
      </Flex>
    </Card>
  );
}

/** A candidate's reference photo (audited on the server) and the button that confirms the pass as this person. */
function CandidateTile({ c, n, active, disabled, onConfirm }: { c: Candidate; n: number; active: boolean; disabled: boolean; onConfirm(): void }) {
  const pt = usePT();
  const ft = useFT();
  const [missing, setMissing] = useState(!c.hasReference);
  return (
    <Flex vertical gap={4} align="center" style={{ width: 150 }} data-testid="review-candidate" data-person={c.personId}>
      {missing ? (
        <div style={{ width: 120, height: 120, borderRadius: 6, background: '#f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'center', textAlign: 'center', fontSize: 12 }}>
          {pt('review.noReference')}
        </div>
      ) : (
        <img
          src={`/api/recognition/persons/${c.personId}/reference-photo`}
          loading="lazy"
          alt={pt('review.reference')}
          onError={() => setMissing(true)}
          style={{ width: 120, height: 120, objectFit: 'cover', borderRadius: 6 }}
        />
      )}
      <Button type={active ? 'primary' : 'default'} disabled={disabled} onClick={onConfirm} data-testid="faces-confirm" block title={ft('faces.review.confirm', { name: c.fullName ?? '' })}>
        {pt('review.pick', { key: n, name: `${c.fullName ?? ''} ${(c.score * 100).toFixed(0)}%` })}
      </Button>
    </Flex>
  );
}
