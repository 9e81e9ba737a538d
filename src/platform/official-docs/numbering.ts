/**
 * The numbering register of issued documents (NĐ 30/2020 Điều 15, domain.md §8): per issuing body, per year and per
 * symbol, numbers run 01, 02, … 09, 10, … and restart every 1 January. `allocateNumber` hands out the next free
 * number inside the caller's transaction, so a document that is not written leaves no number behind; a number people
 * gave a document themselves (discipline decisions) can be recorded with `recordTakenNumber`, and allocation skips it.
 *
 * Concurrency: the per-key counter row is upserted first; on PostgreSQL (READ COMMITTED) a second allocator blocks
 * on that row until the first commits and then reads its value, so two transactions never get the same number, and a
 * rolled-back allocation leaves no gap. PGlite runs one transaction at a time. The primary key on the numbers table
 * is the final guard.
 */
import { errors } from '../errors';
import type { Db } from '../ports/db';

export interface NumberKey {
  /** org unit id of the issuing body */
  issuerUnitId: string;
  /** The year of the document's date (local). */
  year: number;
  /** e.g. "BB-ĐKT", "TB-SNV", "QĐ-UBND" */
  symbol: string;
}

/** "03/BB-ĐKT": numbers below 10 take a leading zero (§8). */
export function formatNumber(seq: number, symbol: string): string {
  return `${String(seq).padStart(2, '0')}/${symbol}`;
}

/** "03/BB-ĐKT" → { seq: 3, symbol: "BB-ĐKT" }; null when the text is not "<number>/<symbol>". */
export function parseNumber(text: string): { seq: number; symbol: string } | null {
  const m = /^0*(\d{1,7})\/([\p{L}\p{N}][\p{L}\p{N}.\-]*)$/u.exec(text.trim());
  if (!m) return null;
  const seq = Number(m[1]);
  return seq > 0 ? { seq, symbol: m[2] as string } : null;
}

function checkKey(k: NumberKey): void {
  if (!Number.isInteger(k.year) || k.year < 1900 || k.year > 9999 || !k.symbol.trim() || k.symbol.includes('/'))
    throw errors.badRequest('DOCUMENT_NUMBER_FORMAT', `Năm hoặc ký hiệu văn bản không hợp lệ (${k.year}, "${k.symbol}").`, `Invalid document year or symbol (${k.year}, "${k.symbol}").`, { year: k.year, symbol: k.symbol });
}

/**
 * The next free number of the key, recorded as taken, e.g. "03/BB-ĐKT". Call it inside the transaction that writes
 * the document: the number is the document's only if that transaction commits.
 */
export async function allocateNumber(tx: Db, key: NumberKey & { usedFor?: string | null }): Promise<string> {
  checkKey(key);
  return tx.transaction(async (t) => {
    // Numbers people entered may already hold the next values: step over them (rare, so a short loop).
    for (;;) {
      const [c] = await t.query<{ last_seq: number }>(
        `INSERT INTO official_document_counters (issuer_unit_id, year, symbol, last_seq) VALUES ($1, $2, $3, 1)
         ON CONFLICT (issuer_unit_id, year, symbol) DO UPDATE SET last_seq = official_document_counters.last_seq + 1
         RETURNING last_seq`,
        [key.issuerUnitId, key.year, key.symbol],
      );
      const seq = Number(c?.last_seq);
      const text = formatNumber(seq, key.symbol);
      const got = await t.query(
        `INSERT INTO official_document_numbers (issuer_unit_id, year, symbol, seq, number_text, source, used_for)
         VALUES ($1, $2, $3, $4, $5, 'ALLOCATED', $6) ON CONFLICT DO NOTHING RETURNING seq`,
        [key.issuerUnitId, key.year, key.symbol, seq, text, key.usedFor ?? null],
      );
      if (got.length) return text;
    }
  });
}

/**
 * Records a number people gave a document ("15/QĐ-UBND"), so allocation will not hand it out again; 409
 * DOCUMENT_NUMBER_TAKEN when the issuer already used it that year.
 */
export async function recordTakenNumber(tx: Db, input: { issuerUnitId: string; year: number; numberText: string; usedFor?: string | null }): Promise<{ seq: number; symbol: string }> {
  const parsed = parseNumber(input.numberText);
  if (!parsed)
    throw errors.badRequest('DOCUMENT_NUMBER_FORMAT', `Số, ký hiệu "${input.numberText}" không đúng thể thức (ví dụ 15/QĐ-UBND).`, `The number "${input.numberText}" is not in the form 15/QĐ-UBND.`, { number: input.numberText });
  checkKey({ ...input, symbol: parsed.symbol });
  const got = await tx.query(
    `INSERT INTO official_document_numbers (issuer_unit_id, year, symbol, seq, number_text, source, used_for)
     VALUES ($1, $2, $3, $4, $5, 'ENTERED', $6) ON CONFLICT DO NOTHING RETURNING seq`,
    [input.issuerUnitId, input.year, parsed.symbol, parsed.seq, input.numberText.trim(), input.usedFor ?? null],
  );
  if (!got.length)
    throw errors.conflict('DOCUMENT_NUMBER_TAKEN', `Số ${input.numberText.trim()} đã được cơ quan dùng cho văn bản khác trong năm ${input.year}.`, `Number ${input.numberText.trim()} is already used by the issuer in ${input.year}.`, { number: input.numberText.trim(), year: input.year });
  return parsed;
}

/** Whether the issuer already used the number that year (entered or allocated). */
export async function isNumberTaken(db: Db, input: { issuerUnitId: string; year: number; numberText: string }): Promise<boolean> {
  const parsed = parseNumber(input.numberText);
  if (!parsed) return false;
  const rows = await db.query('SELECT 1 FROM official_document_numbers WHERE issuer_unit_id = $1 AND year = $2 AND symbol = $3 AND seq = $4', [input.issuerUnitId, input.year, parsed.symbol, parsed.seq]);
  return rows.length > 0;
}
