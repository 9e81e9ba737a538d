import { z } from 'zod';

/**
 * Dates a user can mean: anything outside is a typo or a probe, and would reach PostgreSQL (which has no year 0) or
 * date arithmetic (year 10000 does not print as YYYY) and fail there as a 500 instead of here as a 400.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const yearInRange = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const RANGE_MESSAGE = `year must be between ${MIN_YEAR} and ${MAX_YEAR}`;

/** Shared wire formats. Dates travel as YYYY-MM-DD, instants as ISO-8601. */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date')
  .refine(yearInRange, RANGE_MESSAGE);
/** A calendar month, YYYY-MM, in the same year range as dates. */
export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
  .refine(yearInRange, RANGE_MESSAGE);
/** An instant with its offset (ISO-8601), in the same year range as dates. */
export const ZInstant = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const year = new Date(t).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}, RANGE_MESSAGE);
export const ZUuid = z.uuid();
export const ZIdParams = z.strictObject({ id: z.uuid() });

/** Characters no user types: C0 controls but tab and line breaks, DEL, and UTF-16 halves without their partner. */
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** True when the text holds a NUL byte, another control character or a lone surrogate (see ZText). */
export const hasForbiddenChars = (s: string): boolean => FORBIDDEN_CHARS.test(s);

/**
 * Free text from users: trimmed, bounded, no control characters (they break exports and logs; PostgreSQL refuses
 * NUL in text) and no lone surrogates (they are not text and do not survive UTF-8).
 */
export const ZText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasForbiddenChars(s), 'control characters and broken Unicode are not allowed');
export const ZPage = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

/** The answer of a list read with ZPage: one page of items and the total over all pages. */
export function ZPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export const ZBoolString = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/**
 * Response of a route that sends file bytes or a stream (the serializer is not used for those). The media type is
 * described in the route's `summary`/`description`; the OpenAPI document shows it as a binary string.
 */
export const ZBinary = z.string().meta({ format: 'binary', description: 'File bytes (see the route description for the media type).' });

/** One field of a multipart/form-data upload, for the OpenAPI document only. */
export interface MultipartField {
  type: 'file' | 'files' | 'string';
  description: string;
  required?: boolean;
}

/**
 * Multipart uploads are parsed by @fastify/multipart inside the handler, so their body cannot be a zod schema (the
 * validator would run before the parts are read). Routes put `config: { ...multipartBody({...}) }` instead; the
 * OpenAPI transform in platform/http/server.ts turns it into a `multipart/form-data` request body.
 */
export function multipartBody(fields: Record<string, MultipartField>): { multipartDoc: Record<string, MultipartField> } {
  return { multipartDoc: fields };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** See multipartBody in platform/http/schemas.ts. */
    multipartDoc?: Record<string, MultipartField>;
  }
}

/**
 * 204 answers: `reply.status(204).send()` sends nothing. z.undefined (not z.null) lets send() go without a payload in
 * the types and never reaches the serializer.
 */
export const ZNoContent = z.undefined().describe('No content');

/**
 * File bytes or a stream sent as they are. Fastify never runs the serializer on a Buffer or a stream, so the ZBinary
 * schema of such a route only documents it; its string type is what the type provider expects from send().
 */
export function binaryBody(bytes: Buffer | NodeJS.ReadableStream): string {
  return bytes as unknown as string;
}
