import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from '../../../../test/helpers/app';
import { localDateOf } from '../../../platform/time';

/** Shared fixtures of the inspections tests (flow and bad input), on the demo agency of test/helpers/app.ts. */

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);

export const today = () => localDateOf(new Date());
export const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

export function unit(t: TestApp, code: string): string {
  const id = t.demo.units[code];
  assert.ok(id, `demo unit ${code}`);
  return id;
}

export function person(t: TestApp, code: string): string {
  const id = t.demo.persons[code];
  assert.ok(id, `demo person ${code}`);
  return id;
}

/** A 4xx with its code and both messages (Vietnamese and English, different). */
export function assertError(res: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(res.statusCode, status, res.body);
  const body = res.json() as { code: string; message_vi: string; message_en: string };
  assert.equal(body.code, code, res.body);
  assert.ok(body.message_vi.length > 5 && body.message_en.length > 5 && body.message_vi !== body.message_en, res.body);
}

/** Row counts of every table a use case of the module may write, to show that a refused one wrote nothing. */
export async function footprint(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'inspections',
    'inspection_members',
    'inspection_item_results',
    'inspection_findings',
    'inspection_photos',
    'inspection_evidence',
    'inspection_documents',
    'inspection_recommendations',
    'inspection_remediations',
    'violations',
    'blob_owners',
    'audit_log',
    'official_document_numbers',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = (await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;
  return out;
}

/** An inspection of `target` by the province, decided with the inspector as head; started unless told otherwise. */
export async function inspection(
  t: TestApp,
  kiemtra: Session,
  o: { target: string; kind?: string; planId?: string | null; from?: string; to?: string; start?: boolean; title?: string },
): Promise<string> {
  const created = await kiemtra.send('POST', '/api/inspections', {
    planId: o.planId ?? null,
    kind: o.kind ?? 'PLANNED',
    issuerUnitId: unit(t, 'NA-UBND'),
    targetUnitId: unit(t, o.target),
    title: o.title ?? `Kiểm tra công vụ tại ${o.target}`,
    scope: 'Chấp hành kỷ luật, kỷ cương hành chính',
    plannedFrom: o.from ?? hoursFromNow(-1),
    plannedTo: o.to ?? hoursFromNow(8),
    place: 'Trụ sở UBND xã',
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const team = await kiemtra.send('PUT', `/api/inspections/${id}/members`, { members: [{ userId: t.demo.users.kiemtra, role: 'HEAD', title: 'Tổ trưởng' }] });
  assert.equal(team.statusCode, 200, team.body);
  const decided = await kiemtra.send('POST', `/api/inspections/${id}/decide`, { decisionNo: '15/QĐ-UBND', decisionDate: today(), decisionSigner: 'Chủ tịch UBND tỉnh' });
  assert.equal(decided.statusCode, 204, decided.body);
  if (o.start !== false) assert.equal((await kiemtra.send('POST', `/api/inspections/${id}/start`)).statusCode, 204);
  return id;
}

export async function items(kiemtra: Session, id: string): Promise<Array<{ id: string; code: string }>> {
  const view = await kiemtra.get(`/api/inspections/${id}`);
  assert.equal(view.statusCode, 200, view.body);
  return view.json().items;
}

/** Judges every item: PASS except the codes given as failed. */
export async function judgeAll(kiemtra: Session, id: string, failed: string[] = []): Promise<void> {
  for (const it of await items(kiemtra, id)) {
    const res = await kiemtra.send('PUT', `/api/inspections/${id}/results/${it.id}`, { verdict: failed.includes(it.code) ? 'FAIL' : 'PASS', note: '' });
    assert.equal(res.statusCode, 204, res.body);
  }
}

export async function uploadPhoto(t: TestApp, s: Session, id: string, fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----kcinsp${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url: `/api/inspections/${id}/photos`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

export const SIGNER = { authorityLine: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' };
