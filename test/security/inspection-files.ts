import assert from 'node:assert/strict';
import { JPEG, judgeAll, uploadPhoto } from '../../src/modules/inspections/test/fixtures';
import type { Session, TestApp } from '../helpers/app';

/**
 * The demo inspections (src/modules/inspections/seed-demo.ts) and the files the security tests need on them, made
 * through the API as the team head (the `kiemtra` account): a photo taken on site and the minutes (DOCX).
 */

/** The demo inspection of a target unit (by its demo code) of the given kind. */
export async function demoInspection(t: TestApp, targetCode: string, kind = 'PLANNED'): Promise<string> {
  const row = (await t.ctx.db.query<{ id: string }>('SELECT id FROM inspections WHERE target_unit_id = $1 AND kind = $2 ORDER BY created_at LIMIT 1', [t.demo.units[targetCode], kind]))[0];
  assert.ok(row, `a demo ${kind} inspection of ${targetCode}`);
  return row.id;
}

/** Starts a decided inspection (the team head may), so the work on site can be recorded. */
export async function startInspection(kiemtra: Session, id: string): Promise<void> {
  const res = await kiemtra.send('POST', `/api/inspections/${id}/start`);
  assert.equal(res.statusCode, 204, res.body);
}

export interface InspectionFiles {
  photoUrl: string;
  photoId: string;
  /** Set when the minutes were issued. */
  minutesUrl?: string;
  minutesId?: string;
}

/** A photo of an inspection in progress and, when asked, every item judged and the minutes issued. */
export async function inspectionFiles(t: TestApp, kiemtra: Session, id: string, o: { minutes: boolean; clientId: string }): Promise<InspectionFiles> {
  const photo = await uploadPhoto(t, kiemtra, id, { clientId: o.clientId }, { name: 'hien-truong.jpg', type: 'image/jpeg', data: JPEG });
  assert.equal(photo.statusCode, 201, photo.body);
  const out: InspectionFiles = { photoId: photo.json().id, photoUrl: `/api/inspections/${id}/photos/${photo.json().id}` };
  if (!o.minutes) return out;
  await judgeAll(kiemtra, id);
  const minutes = await kiemtra.send('POST', `/api/inspections/${id}/minutes`, {
    representative: { name: 'Lê Văn Thành', title: 'Chủ tịch UBND xã' },
    opinion: 'Thống nhất với kết quả kiểm tra.',
    disagreement: null,
  });
  assert.equal(minutes.statusCode, 201, minutes.body);
  return { ...out, minutesId: minutes.json().id, minutesUrl: `/api/inspections/${id}/documents/${minutes.json().id}` };
}
