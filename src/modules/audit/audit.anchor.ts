import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../platform/module';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import { type AnchorSigner, type AnchorVerifier, loadVerifier } from './audit.keys';
import { type ChainVerdict, canonicalJson, ProblemList, verifyAuditChain } from './audit.service';

/**
 * The hash chain proves that no row was changed or removed from the middle, but not that the newest rows were not cut
 * off, that the table was not emptied, nor that someone with the database did not recompute every hash after an edit.
 * Anchors close those gaps: the head (last seq, its hash, the row count) is signed with an Ed25519 key kept outside the
 * database and copied to every anchor place (the blob store — S3 with KC_BLOBS=s3 — and optionally a second
 * directory). Verification checks the chain against every signed anchor. Anchor files are never overwritten: an anchor
 * written after a rewrite cannot replace the one that contradicts it.
 */
export interface AuditAnchor {
  v: 1;
  /** seq of the head row. */
  seq: number;
  /** Rows in the log up to and including seq. */
  count: number;
  /** Hash of the head row. */
  hash: string;
  at: string;
  /** SHA-256 of the signing public key (see audit.keys.ts). */
  keyId: string;
}

interface AnchorFile {
  anchor: AuditAnchor;
  /** Ed25519 signature (base64) over canonicalJson(anchor). */
  signature: string;
}

/** Somewhere anchors are copied to. Names are file names without any directory. */
export interface AnchorPlace {
  description: string;
  put(name: string, data: Buffer): Promise<void>;
  names(): Promise<string[]>;
  read(name: string): Promise<Buffer>;
}

const BLOB_PREFIX = 'audit/signed-anchors/';

export function blobAnchorPlace(blobs: BlobStore): AnchorPlace {
  return {
    description: `blob store (${blobs.description}) ${BLOB_PREFIX}`,
    put: async (name, data) => void (await blobs.put(BLOB_PREFIX + name, data, 'application/json')),
    names: async () => {
      const out: string[] = [];
      for await (const b of blobs.list(BLOB_PREFIX)) out.push(b.key.slice(BLOB_PREFIX.length));
      return out;
    },
    read: (name) => blobs.getBuffer(BLOB_PREFIX + name),
  };
}

export function dirAnchorPlace(dir: string): AnchorPlace {
  return {
    description: `directory ${dir}`,
    put: async (name, data) => {
      await fs.promises.mkdir(dir, { recursive: true });
      // Exclusive create: an existing anchor is evidence and must never be replaced.
      await fs.promises.writeFile(path.join(dir, name), data, { flag: 'wx', mode: 0o644 });
    },
    names: async () => (fs.existsSync(dir) ? (await fs.promises.readdir(dir)).filter((n) => n.endsWith('.json')) : []),
    read: (name) => fs.promises.readFile(path.join(dir, name)),
  };
}

/** The places configured for this installation: the blob store always, the anchor directory when set. */
export function anchorPlaces(blobs: BlobStore, anchorDir: string | undefined): AnchorPlace[] {
  return anchorDir ? [blobAnchorPlace(blobs), dirAnchorPlace(anchorDir)] : [blobAnchorPlace(blobs)];
}

/** `<seq>-<time>.json`: sorts by seq then time, and two anchors never share a name. */
function fileName(a: AuditAnchor): string {
  return `${String(a.seq).padStart(12, '0')}-${a.at.replace(/[-:.]/g, '')}.json`;
}

/**
 * Writes signed anchors of the head whenever it moved. Keeps the last anchored head in memory so the row count is
 * extended by counting only the rows added since (one index range), not the whole table every time.
 */
export class AnchorWriter {
  private last: { seq: number; count: number; hash: string } | undefined;

  constructor(
    private readonly db: Db,
    private readonly places: AnchorPlace[],
    private readonly signer: AnchorSigner,
  ) {}

  /** Rows added since the last anchor written by this writer (all rows before the first). */
  async pendingRows(): Promise<number> {
    const [head] = await this.db.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1');
    return head ? Number(head.seq) - (this.last?.seq ?? 0) : 0;
  }

  /**
   * Anchors the current head unless it is the one anchored last. Resolves to the anchor and the places that refused
   * it (an anchor written to at least one place counts); throws only when every place failed.
   */
  async write(now: Date): Promise<{ anchor: AuditAnchor; failed: Array<{ place: string; err: unknown }> } | undefined> {
    const since = this.last?.seq ?? 0;
    // One statement, one snapshot: the head and the count of rows added up to it.
    const [head] = await this.db.query<{ seq: number; hash: string; added: number }>(
      `SELECT a.seq, a.hash, (SELECT count(*) FROM audit_log b WHERE b.seq > $1 AND b.seq <= a.seq)::int AS added
         FROM audit_log a ORDER BY a.seq DESC LIMIT 1`,
      [since],
    );
    if (!head) return undefined;
    const seq = Number(head.seq);
    if (this.last && this.last.seq === seq && this.last.hash === head.hash) return undefined;
    const anchor: AuditAnchor = {
      v: 1,
      seq,
      count: (this.last?.count ?? 0) + Number(head.added),
      hash: head.hash,
      at: now.toISOString(),
      keyId: this.signer.keyId,
    };
    const file: AnchorFile = { anchor, signature: this.signer.sign(Buffer.from(canonicalJson(anchor))) };
    const data = Buffer.from(`${JSON.stringify(file, null, 1)}\n`);
    const failed: Array<{ place: string; err: unknown }> = [];
    for (const place of this.places)
      await place.put(fileName(anchor), data).catch((err: unknown) => failed.push({ place: place.description, err }));
    if (failed.length === this.places.length) throw (failed[0] as { err: unknown }).err;
    this.last = { seq, count: anchor.count, hash: anchor.hash };
    return { anchor, failed };
  }
}

interface LoadedAnchors {
  anchors: AuditAnchor[];
  problems: ProblemList;
}

function problemForFile(problems: ProblemList, place: AnchorPlace, name: string, reasonVi: string, reasonEn: string): void {
  problems.add({
    kind: 'anchor_invalid',
    expected: 'an anchor signed by the audit key',
    found: `${place.description}/${name}: ${reasonEn}`,
    messageVi: `Mốc neo ${name} tại ${place.description} không hợp lệ: ${reasonVi}`,
    messageEn: `anchor ${name} in ${place.description} is not valid: ${reasonEn}`,
  });
}

/** Reads and checks every anchor file in every place: parse, key, signature, and the name matching the content. */
export async function loadAnchors(places: AnchorPlace[], verifier: AnchorVerifier | undefined, problems = new ProblemList()): Promise<LoadedAnchors> {
  const byName = new Map<string, AuditAnchor>();
  const namesByPlace = new Map<AnchorPlace, Set<string>>();
  for (const place of places) {
    const valid = new Set<string>();
    namesByPlace.set(place, valid);
    for (const name of (await place.names()).sort()) {
      let file: AnchorFile;
      try {
        file = JSON.parse((await place.read(name)).toString('utf8')) as AnchorFile;
      } catch {
        problemForFile(problems, place, name, 'không đọc được', 'unreadable or not JSON');
        continue;
      }
      const a = file?.anchor;
      if (!a || typeof a.seq !== 'number' || typeof a.hash !== 'string' || typeof file.signature !== 'string') {
        problemForFile(problems, place, name, 'thiếu trường', 'fields missing');
        continue;
      }
      if (!verifier) {
        problemForFile(problems, place, name, 'không có khóa công khai để kiểm tra', 'no public key to check it with');
        continue;
      }
      if (a.keyId !== verifier.keyId || !verifier.verify(Buffer.from(canonicalJson(a)), file.signature)) {
        problemForFile(problems, place, name, 'chữ ký sai', 'signature does not verify');
        continue;
      }
      if (name !== fileName(a)) {
        problemForFile(problems, place, name, 'tên tệp không khớp nội dung', 'file name does not match its content');
        continue;
      }
      valid.add(name);
      byName.set(name, a);
    }
  }
  // A valid anchor that one place lacks was deleted there, unless that place only started receiving anchors later.
  if (places.length > 1)
    for (const place of places) {
      const mine = namesByPlace.get(place) as Set<string>;
      const first = [...mine].sort()[0];
      const firstAt = first ? (byName.get(first) as AuditAnchor).at : undefined;
      for (const [name, a] of byName)
        if (!mine.has(name) && firstAt !== undefined && a.at >= firstAt)
          problems.add({
            kind: 'anchor_missing',
            seq: a.seq,
            expected: `${place.description}/${name}`,
            found: 'no such file',
            messageVi: `Mốc neo ${name} (#${a.seq}) có ở nơi khác nhưng đã bị xóa khỏi ${place.description}`,
            messageEn: `anchor ${name} (#${a.seq}) exists elsewhere but was removed from ${place.description}`,
          });
    }
  const anchors = [...byName.values()].sort((x, y) => x.seq - y.seq || x.at.localeCompare(y.at));
  return { anchors, problems };
}

/**
 * The full check: the chain walk, plus every signed anchor in every place. A hash at an anchored seq that differs
 * means the chain was rewritten (named at the earliest such anchor); a head below the newest anchor means rows were
 * cut off the end; an empty log with anchors means it was emptied (TRUNCATE, or DELETE with the trigger disabled).
 */
export async function verifyWithAnchors(
  db: Db,
  places: AnchorPlace[],
  verifier: AnchorVerifier | undefined,
  pageSize = 5000,
): Promise<ChainVerdict & { anchors: number }> {
  const problems = new ProblemList();
  const { anchors } = await loadAnchors(places, verifier, problems);
  const bySeq = new Map<number, AuditAnchor[]>();
  for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  const rewritten: Array<{ anchor: AuditAnchor; found: string }> = [];
  const chainProblems = new ProblemList();
  const chain = await verifyAuditChain(
    db,
    pageSize,
    (row) => {
      for (const a of bySeq.get(row.seq) ?? []) if (a.hash !== row.hash) rewritten.push({ anchor: a, found: row.hash });
    },
    chainProblems,
  );
  const all = new ProblemList();
  for (const p of chainProblems.items) all.add(p);
  all.more += chainProblems.more;
  const first = rewritten[0];
  if (first) {
    const before = anchors.filter((a) => a.seq < first.anchor.seq && !rewritten.some((r) => r.anchor === a)).at(-1);
    const others = rewritten.length - 1;
    all.add({
      kind: 'chain_rewritten',
      seq: first.anchor.seq,
      expected: `${first.anchor.hash} (anchor ${first.anchor.at})`,
      found: first.found,
      messageVi: `Mã băm tại #${first.anchor.seq} khác mốc neo đã ký lúc ${first.anchor.at}: nhật ký đã bị sửa và tính lại chuỗi${before ? ` sau #${before.seq}` : ''}${others ? ` (thêm ${others} mốc neo khác cũng lệch)` : ''}`,
      messageEn: `the hash at #${first.anchor.seq} differs from the anchor signed at ${first.anchor.at}: the log was rewritten and rehashed${before ? ` after #${before.seq}` : ''}${others ? ` (${others} later anchors differ too)` : ''}`,
    });
  }
  const newest = anchors.reduce<AuditAnchor | undefined>((m, a) => (!m || a.seq > m.seq ? a : m), undefined);
  if (newest && chain.checked === 0)
    all.add({
      kind: 'truncated',
      seq: 1,
      toSeq: newest.seq,
      expected: `${newest.count} entries up to #${newest.seq} (anchor ${newest.at})`,
      found: '0 entries',
      messageVi: `Nhật ký trống nhưng mốc neo ký lúc ${newest.at} ghi ${newest.count} bản ghi đến #${newest.seq}: toàn bộ nhật ký đã bị xóa`,
      messageEn: `the log is empty but the anchor signed at ${newest.at} records ${newest.count} entries up to #${newest.seq}: the whole log was deleted`,
    });
  else if (newest && newest.seq > chain.lastSeq)
    all.add({
      kind: 'tail_deleted',
      seq: chain.lastSeq + 1,
      toSeq: newest.seq,
      expected: `head #${newest.seq} ${newest.hash}, ${newest.count} entries (anchor ${newest.at})`,
      found: `head #${chain.lastSeq}, ${chain.checked} entries`,
      messageVi: `Thiếu các bản ghi cuối #${chain.lastSeq + 1}–#${newest.seq}: mốc neo ký lúc ${newest.at} ghi ${newest.count} bản ghi, nhật ký chỉ còn ${chain.checked}`,
      messageEn: `the last entries #${chain.lastSeq + 1}–#${newest.seq} are missing: the anchor signed at ${newest.at} records ${newest.count} entries, the log has ${chain.checked}`,
    });
  for (const p of problems.items) all.add(p);
  all.more += problems.more;
  return { ...all.verdict(chain.checked, chain.lastHash, chain.lastSeq), anchors: anchors.length };
}

/** Verification as the installation is configured: its anchor places and its public key. */
export function verifyAuditLog(ctx: Pick<AppContext, 'db' | 'blobs' | 'config'>): Promise<ChainVerdict & { anchors: number }> {
  return verifyWithAnchors(ctx.db, anchorPlaces(ctx.blobs, ctx.config.audit.anchorDir), loadVerifier(ctx.config.audit));
}
