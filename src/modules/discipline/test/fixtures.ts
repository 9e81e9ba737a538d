import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../../platform/ports/db';
import { addDays, localDateOf, localToInstant } from '../../../platform/time';
import { decide, openManualViolation, proposeDiscipline } from '../../violations';

export const LEADER = { id: null, name: 'test' };

/** A day `n` days before today, Vietnam time. */
export function daysAgo(n: number): string {
  return addDays(localDateOf(new Date()), -n);
}

/** The instant at 09:00 of a local date. */
export const at = (date: string) => localToInstant(date, 9 * 60);

/**
 * A violation of the person on `occurredOn`, driven through the violations module to DISCIPLINE_PROPOSED on
 * `proposedOn` (escalated after the explanation deadline passed), as the real chain would leave it.
 */
export async function proposedViolation(db: Db, personId: string, occurredOn: string, proposedOn: string): Promise<string> {
  const v = await openManualViolation(
    db,
    { personId, kind: 'ABSENT_NO_REASON', source: 'LEADER', occurredOn, title: `Vắng mặt ngày ${occurredOn}`, description: 'Tổ kiểm tra công vụ ghi nhận vắng mặt cả ngày không có lý do.' },
    LEADER,
    at(occurredOn),
    () => undefined,
  );
  await decide(db, v.id, 'ESCALATED', 'Vắng mặt nhiều lần, chuyển xem xét kỷ luật.', LEADER, at(proposedOn));
  await proposeDiscipline(db, v.id, 'Đề nghị xem xét kỷ luật.', LEADER, at(proposedOn));
  return v.id;
}

export async function personByCode(db: Db, code: string): Promise<{ id: string; unit_id: string }> {
  const r = (await db.query<{ id: string; unit_id: string }>('SELECT id, unit_id FROM persons WHERE employee_code = $1', [code]))[0];
  if (!r) throw new Error(`no person ${code}`);
  return r;
}

/** DOCX → PDF with LibreOffice (a private profile per call), then the PDF's text with pdftotext. */
export function docxText(docx: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-docx-'));
  try {
    const file = path.join(dir, 'doc.docx');
    fs.writeFileSync(file, docx);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    return execFileSync('pdftotext', [path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const SIGNER = { authorityLine: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Lê Văn Thành' };
export const ATTENDEES = [
  { name: 'Lê Văn Thành', role: 'Chủ tịch UBND xã, chủ trì' },
  { name: 'Trần Đức Minh', role: 'Lãnh đạo phụ trách nội vụ' },
  { name: 'Hoàng Văn Nam', role: 'Trưởng phòng Kinh tế' },
];
export const OPINIONS = [{ name: 'Hoàng Văn Nam', opinion: 'Đồng chí vắng mặt không báo cáo, ảnh hưởng đến công việc chung của phòng.' }];
