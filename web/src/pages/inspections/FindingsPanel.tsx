import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Image, List, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { OutboxEntry } from '../../offline/queue';
import { Link } from '../../router';
import { KIND_FINDING, KIND_PHOTO } from './data';
import { useIT } from './texts';
import type { FindingPayload, InspectionView, Photo, PhotoPayload } from './types';

interface Row {
  key: string;
  itemId: string;
  personName: string | null;
  description: string;
  observedAt: string;
  violationId: string | null;
  queued: boolean;
  photos: Photo[];
  queuedPhotos: Array<{ key: string; blob: Blob }>;
}

/** A queued photo shown from its Blob (object URLs released when the list changes). */
function BlobThumb({ blob }: { blob: Blob }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return url ? <Image src={url} width={64} height={64} style={{ objectFit: 'cover', opacity: 0.7 }} /> : null;
}

/** Findings on the server and those still on the device (marked "Chờ gửi"), each with its photos. */
export function FindingsPanel({ view, entries, editable, onAdd }: { view: InspectionView; entries: OutboxEntry[]; editable: boolean; onAdd: () => void }) {
  const it = useIT();
  const { locale } = useI18n();
  const rows = useMemo<Row[]>(() => {
    const queuedPhotosOf = (clientId: string) =>
      entries.filter((e) => e.kind === KIND_PHOTO && (e.payload as PhotoPayload).findingClientId === clientId).map((e) => ({ key: e.key, blob: (e.payload as PhotoPayload).blob }));
    const server = new Set(view.findings.map((f) => f.clientId));
    const queued: Row[] = entries
      .filter((e) => e.kind === KIND_FINDING && !server.has((e.payload as FindingPayload).clientId))
      .map((e) => {
        const p = e.payload as FindingPayload;
        return { key: p.clientId, itemId: p.itemId, personName: p.personName, description: p.description, observedAt: p.observedAt, violationId: null, queued: true, photos: [], queuedPhotos: queuedPhotosOf(p.clientId) };
      });
    const sent: Row[] = view.findings.map((f) => ({
      key: f.clientId,
      itemId: f.itemId,
      personName: f.personName,
      description: f.description,
      observedAt: f.observedAt,
      violationId: f.violationId,
      queued: false,
      photos: view.photos.filter((p) => p.findingId === f.id),
      queuedPhotos: queuedPhotosOf(f.clientId),
    }));
    return [...queued, ...sent];
  }, [view, entries]);
  const itemTitle = (id: string) => {
    const item = view.items.find((i) => i.id === id);
    return item ? `${item.ord}. ${locale === 'en' ? item.titleEn : item.titleVi}` : '';
  };
  return (
    <Card
      size="small"
      title={it('view.findings')}
      extra={
        editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="add-finding">
            {it('check.addFinding')}
          </Button>
        ) : null
      }
    >
      <List
        data-testid="findings"
        dataSource={rows}
        locale={{ emptyText: it('finding.empty') }}
        renderItem={(r) => (
          <List.Item data-testid="finding-row" data-queued={r.queued} data-client-id={r.key}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{itemTitle(r.itemId)}</Typography.Text>
                {r.queued ? <Tag color="gold">{it('queue.pending')}</Tag> : null}
                {r.violationId ? (
                  <Link to={`/violations/${r.violationId}`}>
                    <Tag color="red">{it('finding.violation')}</Tag>
                  </Link>
                ) : null}
              </Flex>
              {r.personName ? <Typography.Text>{r.personName}</Typography.Text> : null}
              <Typography.Text>{r.description}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.observedAt)}
              </Typography.Text>
              {r.photos.length + r.queuedPhotos.length > 0 ? (
                <Flex gap={6} wrap>
                  <Image.PreviewGroup>
                    {r.photos.map((p) => (
                      <Image key={p.id} src={p.url} width={64} height={64} style={{ objectFit: 'cover' }} alt={p.takenAt ? it('photo.takenAt', { at: formatDateTime(p.takenAt) }) : ''} />
                    ))}
                  </Image.PreviewGroup>
                  {r.queuedPhotos.map((q) => (
                    <BlobThumb key={q.key} blob={q.blob} />
                  ))}
                </Flex>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
