import { CameraOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { currentPosition, preparePhoto } from '../../offline/image';
import { deviceOutbox } from '../../offline/useOutbox';
import { KIND_PHOTO, newClientId } from './data';
import { useIT } from './texts';
import type { PhotoPayload } from './types';

/** Whether the user chose to attach the device position to photos (asked once, remembered on this device). */
export function locationWanted(): boolean {
  try {
    return localStorage.getItem('kc.inspections.location') === '1';
  } catch {
    return false;
  }
}

export function setLocationWanted(on: boolean): void {
  try {
    localStorage.setItem('kc.inspections.location', on ? '1' : '0');
  } catch {
    // Private mode: the choice holds for this page only.
  }
}

/**
 * Resizes the picture on the device, reads its EXIF time first, and queues it (photos are never sent directly: the
 * queue sends them now if online, later if not, each once by its clientId).
 */
export async function queuePhoto(
  file: File,
  target: { inspectionId: string; itemId: string | null; findingClientId: string | null },
): Promise<PhotoPayload> {
  const prepared = await preparePhoto(file);
  const position = locationWanted() ? await currentPosition() : null;
  const payload: PhotoPayload = {
    inspectionId: target.inspectionId,
    clientId: newClientId(),
    blob: prepared.blob,
    itemId: target.itemId,
    findingClientId: target.findingClientId,
    takenAt: prepared.takenAt,
    lat: position?.lat ?? null,
    lon: position?.lon ?? null,
  };
  await deviceOutbox().enqueue({
    key: payload.clientId,
    scope: target.inspectionId,
    kind: KIND_PHOTO,
    payload,
    ...(target.findingClientId ? { dependsOn: target.findingClientId } : {}),
  });
  return payload;
}

/** A camera button over a file input (phones offer the camera for `capture`); queues each chosen picture. */
export function PhotoButton({ inspectionId, itemId, testId, onQueued }: { inspectionId: string; itemId: string | null; testId: string; onQueued?: () => void }) {
  const it = useIT();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      for (const file of Array.from(files)) await queuePhoto(file, { inspectionId, itemId, findingClientId: null });
      message.success(it('photo.queued'));
      onQueued?.();
      void deviceOutbox().flush();
    } catch {
      message.error(it('photo.failed'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid={testId}
        onChange={(e) => void pick(e.target.files)}
      />
      <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {it('check.photo')}
      </Button>
    </>
  );
}
