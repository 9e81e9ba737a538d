import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, upload } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useI18n } from '../../i18n';
import { type FKey, useFT } from './texts';

type Report = Schemas['FacePhotoReport'];
interface Shot {
  n: number;
  /** Object URL of the captured frame, only in this browser tab (the server keeps no photo). */
  url: string;
  report?: Report;
  error?: string;
}

type CameraProblem = 'insecure' | 'denied' | 'noCamera' | 'busy' | 'failed';

/** Maps getUserMedia's DOMException names to a message the operator can act on. */
function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  return 'failed';
}

/**
 * Enrollment from the browser's webcam: live preview, one JPEG per click sent to the same endpoint as a photo upload
 * (source WEBCAM), so the capture passes exactly the same consent and quality checks; each capture shows its verdict.
 */
export function WebcamCapture({ personId, onEnrolled }: { personId: string; onEnrolled: () => void }) {
  const ft = useFT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<CameraOutlined />} onClick={() => setOpen(true)} data-testid="faces-webcam-open">
        {ft('faces.cam.open')}
      </Button>
      {open ? <CaptureModal personId={personId} onEnrolled={onEnrolled} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function CaptureModal({ personId, onEnrolled, onClose }: { personId: string; onEnrolled: () => void; onClose: () => void }) {
  const ft = useFT();
  const { locale } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<{ kind: 'starting' } | { kind: 'live' } | { kind: 'problem'; problem: CameraProblem; detail: string }>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);
  const [shots, setShots] = useState<Shot[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'starting' });
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setState({ kind: 'problem', problem: 'insecure', detail: '' });
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' }, audio: false })
      .then(async (s) => {
        if (cancelled) {
          for (const t of s.getTracks()) t.stop();
          return;
        }
        stream.current = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => {});
        }
        setState({ kind: 'live' });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'problem', problem: problemOf(error), detail: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      // Release the camera as soon as the dialog closes (the light on the webcam goes off).
      for (const t of stream.current?.getTracks() ?? []) t.stop();
      stream.current = null;
    };
  }, [attempt]);

  // Object URLs of the thumbnails are freed with the dialog.
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  async function capture() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
    if (!blob) return;
    const n = shots.length + 1;
    const shot: Shot = { n, url: URL.createObjectURL(blob) };
    urls.current.push(shot.url);
    setShots((all) => [shot, ...all]);
    setBusy(true);
    const form = new FormData();
    form.append('source', 'WEBCAM');
    form.append('files', blob, `webcam-${n}.jpg`);
    try {
      const out = await upload(`/api/recognition/persons/${personId}/photos`, form, () => {});
      setShots((all) => all.map((s) => (s.n === n ? { ...s, report: out.files[0] } : s)));
      if (out.accepted > 0) onEnrolled();
    } catch (err) {
      setShots((all) => all.map((s) => (s.n === n ? { ...s, error: err instanceof ApiError ? err.text(locale) : String(err) } : s)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={ft('faces.cam.title')} onCancel={onClose} width={760} footer={<Button onClick={onClose}>{ft('faces.cam.close')}</Button>} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{ft('faces.cam.help')}</Typography.Text>
        {state.kind === 'problem' ? (
          <Alert
            type="warning"
            showIcon
            data-testid="faces-webcam-error"
            data-reason={state.problem}
            title={state.problem === 'failed' ? ft('faces.cam.failed', { error: state.detail }) : ft(`faces.cam.${state.problem}` as FKey)}
            action={state.problem === 'insecure' ? undefined : <Button onClick={() => setAttempt((a) => a + 1)}>{ft('faces.cam.retry')}</Button>}
          />
        ) : (
          <Spin spinning={state.kind === 'starting'} tip={ft('faces.cam.starting')}>
            {/* Mirrored preview feels natural; the captured frame itself is not mirrored. */}
            <video
              ref={video}
              muted
              playsInline
              data-testid="faces-webcam-video"
              style={{ width: '100%', maxHeight: 420, background: '#111', borderRadius: 6, transform: 'scaleX(-1)' }}
            />
          </Spin>
        )}
        <div>
          <Button type="primary" icon={<CameraOutlined />} disabled={state.kind !== 'live' || busy} loading={busy} onClick={() => void capture()} data-testid="faces-webcam-capture">
            {ft('faces.cam.capture')}
          </Button>
        </div>
        {shots.map((s) => (
          <Flex key={s.n} gap={12} align="center" data-testid="faces-webcam-result" data-ok={s.report ? String(s.report.ok) : s.error ? 'false' : 'pending'} data-code={s.report?.code ?? ''}>
            <img src={s.url} alt="" style={{ width: 96, borderRadius: 4 }} />
            <Flex vertical gap={4} align="flex-start">
              <Typography.Text strong>{ft('faces.cam.shot', { n: s.n })}</Typography.Text>
              {s.report ? (
                s.report.ok ? (
                  <Tag color="green">{ft('faces.report.ok')}</Tag>
                ) : (
                  <Tag color="red">{locale === 'en' ? s.report.message_en : s.report.message_vi}</Tag>
                )
              ) : s.error ? (
                <Tag color="red">{s.error}</Tag>
              ) : (
                <Typography.Text type="secondary">{ft('faces.cam.sending')}</Typography.Text>
              )}
              {s.report?.quality?.eyeDistance !== undefined ? (
                <Typography.Text type="secondary">
                  {ft('faces.cam.metrics', { eye: Math.round(s.report.quality.eyeDistance), sharp: Math.round(s.report.quality.sharpness ?? 0) })}
                </Typography.Text>
              ) : null}
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Modal>
  );
}
