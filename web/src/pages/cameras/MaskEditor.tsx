import { CameraOutlined, CloseOutlined, DeleteOutlined, EyeInvisibleOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { hasArea, MAX_MASKS, MAX_POINTS, normalisedPoint, svgPoints } from './mask-geometry';
import { useCT } from './texts';
import type { MaskPolygon } from './mask-geometry';

interface Props {
  value: MaskPolygon[];
  onChange: (masks: MaskPolygon[]) => void;
  /** data: URL of a picture from the camera (connection test), or null. */
  snapshot: string | null;
  snapshotWithheld?: boolean;
  /** Width / height of the camera picture, so an empty frame has the right shape. */
  aspect: number;
  loadingSnapshot?: boolean;
  onSnapshot?: () => void;
  /** Tells the form whether a polygon is still open (saving then would silently drop it). */
  onDraftChange?: (open: boolean) => void;
}

/**
 * Privacy-mask editor: click on the camera picture to place points, close the polygon, select and delete polygons,
 * clear all. Coordinates are normalised (0..1), so masks fit the main stream, the sub stream and exports alike.
 * "Preview" paints the polygons opaque black with the same even-odd rule the server uses when it burns them in, which
 * is what a viewer without footage.raw sees.
 */
export function MaskEditor({ value, onChange, snapshot, snapshotWithheld, aspect, loadingSnapshot, onSnapshot, onDraftChange }: Props) {
  const ct = useCT();
  const [draft, setDraft] = useState<MaskPolygon>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [preview, setPreview] = useState(false);
  const surface = useRef<HTMLDivElement>(null);
  const full = value.length >= MAX_MASKS;

  useEffect(() => onDraftChange?.(draft.length > 0), [draft.length, onDraftChange]);

  const addPoint = (e: MouseEvent) => {
    if (preview || full || !surface.current || draft.length >= MAX_POINTS) return;
    e.stopPropagation();
    setDraft((d) => [...d, normalisedPoint(e.clientX, e.clientY, surface.current!.getBoundingClientRect())]);
    setSelected(null);
  };
  const canClose = draft.length >= 3 && hasArea(draft);
  const close = () => {
    if (!canClose) return;
    onChange([...value, draft]);
    setSelected(value.length);
    setDraft([]);
  };
  const undo = () => setDraft((d) => d.slice(0, -1));
  const remove = (i: number) => {
    onChange(value.filter((_, k) => k !== i));
    setSelected(null);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') close();
    else if (e.key === 'Backspace' || (e.key === 'z' && (e.ctrlKey || e.metaKey))) undo();
    else if (e.key === 'Escape') setDraft([]);
    else if (e.key === 'Delete' && selected !== null) remove(selected);
    else return;
    e.preventDefault();
  };

  return (
    <div data-testid="mask-editor">
      <Typography.Paragraph type="secondary">{ct('mask.help')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        {onSnapshot ? (
          <Button icon={<CameraOutlined />} loading={loadingSnapshot} onClick={onSnapshot} data-testid="mask-snapshot-load">
            {ct('mask.snapshot')}
          </Button>
        ) : null}
        <Button type="primary" ghost disabled={!canClose || preview} onClick={close} data-testid="mask-close">{ct('mask.close')}</Button>
        <Button icon={<UndoOutlined />} disabled={draft.length === 0 || preview} onClick={undo} data-testid="mask-undo">{ct('mask.undo')}</Button>
        <Button icon={<CloseOutlined />} disabled={draft.length === 0 || preview} onClick={() => setDraft([])} data-testid="mask-cancel-draft">{ct('mask.cancelDraft')}</Button>
        <Button icon={<DeleteOutlined />} danger disabled={selected === null || preview} onClick={() => selected !== null && remove(selected)} data-testid="mask-delete">{ct('mask.delete')}</Button>
        <Popconfirm title={ct('mask.clearConfirm')} onConfirm={() => { onChange([]); setDraft([]); setSelected(null); }} disabled={value.length === 0 && draft.length === 0}>
          <Button danger disabled={value.length === 0 && draft.length === 0} data-testid="mask-clear">{ct('mask.clear')}</Button>
        </Popconfirm>
      </Flex>
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={preview} onChange={(v) => { setPreview(v); setSelected(null); }} data-testid="mask-preview" />
        <span><EyeInvisibleOutlined /> {ct('mask.preview')}</span>
      </Space>
      {snapshotWithheld ? <Alert type="warning" showIcon title={ct('mask.withheld')} style={{ marginBottom: 8 }} /> : null}
      {!snapshot && !snapshotWithheld ? <Alert type="info" showIcon title={ct('mask.noSnapshot')} style={{ marginBottom: 8 }} /> : null}
      <div
        ref={surface}
        tabIndex={0}
        role="application"
        aria-label={ct('cams.tab.masks')}
        onKeyDown={onKey}
        onClick={addPoint}
        data-testid="mask-canvas"
        data-preview={String(preview)}
        style={{
          position: 'relative',
          width: '100%',
          aspectRatio: String(aspect),
          background: '#3a3a3a',
          cursor: preview || full ? 'default' : 'crosshair',
          userSelect: 'none',
          outline: 'none',
          overflow: 'hidden',
          borderRadius: 4,
        }}
      >
        {snapshot ? (
          <img src={snapshot} alt="" draggable={false} data-testid="mask-snapshot" style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'fill' }} />
        ) : null}
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }}>
          {value.map((poly, i) => (
            <polygon
              // biome-ignore lint/suspicious/noArrayIndexKey: polygons have no identity but their position
              key={i}
              points={svgPoints(poly)}
              fillRule="evenodd"
              data-testid={`mask-polygon-${i}`}
              fill={preview ? '#000' : selected === i ? 'rgba(22,119,255,0.35)' : 'rgba(255,77,79,0.35)'}
              stroke={preview ? 'none' : selected === i ? '#1677ff' : '#ff4d4f'}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
              onClick={(e) => {
                // While drawing, a click on an existing mask is another point; otherwise it selects the mask.
                if (preview || draft.length > 0) return;
                e.stopPropagation();
                setSelected(i);
              }}
              style={{ cursor: preview ? 'default' : 'pointer' }}
            />
          ))}
          {draft.length > 0 && !preview ? (
            <polyline points={svgPoints(draft)} fill="rgba(250,173,20,0.25)" stroke="#faad14" strokeWidth={2} strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />
          ) : null}
        </svg>
        {!preview
          ? draft.map(([x, y], i) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: the draft's points are ordered and only appended/removed at the end
                key={i}
                data-testid={`mask-draft-point-${i}`}
                title={i === 0 && canClose ? ct('mask.close') : undefined}
                onClick={(e) => {
                  // Clicking the first point closes the polygon, as in most drawing tools.
                  if (i !== 0 || !canClose) return;
                  e.stopPropagation();
                  close();
                }}
                style={{
                  position: 'absolute',
                  left: `${x * 100}%`,
                  top: `${y * 100}%`,
                  width: i === 0 ? 14 : 10,
                  height: i === 0 ? 14 : 10,
                  transform: 'translate(-50%, -50%)',
                  borderRadius: '50%',
                  background: i === 0 ? '#fff' : '#faad14',
                  border: '2px solid #faad14',
                  cursor: i === 0 && canClose ? 'pointer' : 'crosshair',
                }}
              />
            ))
          : null}
        {preview && value.length > 0 ? (
          <Tag color="purple" style={{ position: 'absolute', right: 6, bottom: 6, margin: 0 }}>{ct('live.masked')}</Tag>
        ) : null}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {ct('mask.keys')} {ct('mask.limit', { max: MAX_MASKS, points: MAX_POINTS })}
      </Typography.Text>
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Typography.Text strong data-testid="mask-count" data-count={value.length}>{ct('mask.count', { n: value.length })}</Typography.Text>
        {draft.length > 0 ? <Typography.Text type="warning" data-testid="mask-drafting">{ct('mask.drafting', { n: draft.length })}</Typography.Text> : null}
      </Flex>
      {value.length > 0 ? (
        <List
          size="small"
          dataSource={value}
          renderItem={(poly, i) => (
            <List.Item
              data-testid={`mask-item-${i}`}
              style={{ background: selected === i ? 'rgba(22,119,255,0.08)' : undefined, cursor: 'pointer' }}
              onClick={() => setSelected(i)}
              actions={[<Button key="del" size="small" type="text" danger icon={<DeleteOutlined />} aria-label={ct('mask.delete')} onClick={(e) => { e.stopPropagation(); remove(i); }} data-testid={`mask-item-delete-${i}`} />]}
            >
              {ct('mask.item', { i: i + 1, n: poly.length })}
            </List.Item>
          )}
        />
      ) : null}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>{ct('mask.unsaved')}</Typography.Text>
    </div>
  );
}
