import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds the error codes the server's sources raise, so the catalogue (src/platform/errors.catalogue.ts) can be
 * checked against them. Codes are read where they are written:
 * - `errors.badRequest('CODE', …)`, `errors.conflict('CODE', …)` and a module's local `bad('CODE', …)` wrapper;
 * - `new AppError(status, 'CODE', …)` and `super(status, …'CODE'…)` in a subclass of AppError;
 * - error bodies written as objects: `{ code: 'CODE', message_vi: … }` and `{ status: N, code: 'CODE', vi: … }`.
 * A call whose code is not a string literal (a helper passing its parameter on, a template literal) is a "dynamic
 * site": each one is listed in DYNAMIC_SITES with the way its codes are found. A dynamic site the list does not know
 * is reported, so no code can slip past the scan.
 */

export interface FoundCode {
  code: string;
  file: string;
  /** The status written at the call, when the call fixes one. */
  status?: number;
}

export interface ScanResult {
  codes: FoundCode[];
  /** Dynamic call sites no rule in DYNAMIC_SITES explains, as `file: code-argument`. */
  unexplained: string[];
}

const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const LITERAL_ARG = /^\s*(['"`])([A-Z][A-Z0-9_]*)\1/;

/** Reads the string-literal union of a parameter or type written as `'A' | 'B' | …` after `anchor`. */
function unionAfter(source: string, anchor: RegExp): string[] {
  const match = anchor.exec(source);
  if (!match) throw new Error(`error-code scan: ${anchor} not found`);
  const rest = source.slice(match.index + match[0].length);
  const union = /^\s*((?:\|?\s*'[A-Z0-9_]+'\s*)+)/.exec(rest);
  return union ? [...(union[1] ?? '').matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1] as string) : [];
}

/** Keys of a `Record<…, { status: …, … }>` table written as `KEY: { status: …`. */
function statusTableKeys(source: string): string[] {
  return [...source.matchAll(/^\s*([A-Z][A-Z0-9_]*):\s*\{\s*status:/gm)].map((m) => m[1] as string);
}

/** All scanned sources, by path relative to the repository root. */
type Sources = Map<string, string>;

/** The one source file matching `pattern` (a declaration), so a rule survives the file being moved or renamed. */
function fileDeclaring(sources: Sources, pattern: RegExp): string {
  const found = [...sources].filter(([, text]) => pattern.test(text));
  if (found.length !== 1) throw new Error(`error-code scan: ${found.length} files match ${pattern}`);
  return (found[0] as [string, string])[1];
}

interface DynamicRule {
  /** The code argument as written at the call. */
  arg: string;
  /** Something the calling file declares, telling this site from others with the same argument text. */
  fileDeclares?: RegExp;
  /** The codes that can reach the call (none for a helper that only passes its parameter on). */
  codes: (callingFile: string, sources: Sources) => string[];
}

/**
 * Non-literal code arguments and how their codes are found. A helper that only passes its parameter on
 * (errors.badRequest itself, a module's `bad(code, …)`) yields nothing: its callers are scanned.
 */
const DYNAMIC_SITES: DynamicRule[] = [
  { arg: 'code', fileDeclares: /badRequest: \(code: string/, codes: () => [] },
  { arg: 'code', fileDeclares: /function bad\(code: string/, codes: () => [] },
  // bad(p) with the camera rule problems, written as `{ code: 'X', vi, en }` where they are decided.
  {
    arg: 'p.code',
    fileDeclares: /function bad\(p: \{ code: string/,
    codes: (_file, sources) =>
      [...fileDeclaring(sources, /export function cameraRuleProblem\(/).matchAll(/code:\s*'([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1] as string),
  },
  {
    arg: '`CAMERA_${err.problem}`',
    codes: (_file, sources) => unionAfter(fileDeclaring(sources, /export type StreamProblem\s*=/), /export type StreamProblem\s*=/).map((p) => `CAMERA_${p}`),
  },
  { arg: '`ONVIF_${p}`', codes: (file) => statusTableKeys(file).map((p) => `ONVIF_${p}`) },
  { arg: 'code', fileDeclares: /export function imageError\(code:/, codes: (file) => unionAfter(file, /export function imageError\(code:/) },
  { arg: 'code', fileDeclares: /export function zipError\(/, codes: (file) => unionAfter(file, /export function zipError\(\s*code:/) },
];

function sourceFiles(dir: string, root: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(rel, root, out);
    else if (rel.endsWith('.ts') && !rel.endsWith('.test.ts') && !rel.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The text of a call's first argument (up to the first top-level comma), for the dynamic-site key. */
function firstArgument(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      if (depth === 0) return text.slice(0, i).trim();
      depth--;
    } else if (c === ',' && depth === 0) return text.slice(0, i).trim();
  }
  return text.trim();
}

export function scanErrorCodes(root: string): ScanResult {
  const codes: FoundCode[] = [];
  const unexplained: string[] = [];
  const sources: Sources = new Map(sourceFiles('src', root).map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]));
  const explained = new Set<string>();
  const dynamic = (file: string, arg: string) => {
    const source = sources.get(file) ?? '';
    const rule = DYNAMIC_SITES.find((r) => r.arg === arg && (!r.fileDeclares || r.fileDeclares.test(source)));
    const key = `${file}: ${arg}`;
    if (!rule) unexplained.push(key);
    else if (!explained.has(key)) {
      explained.add(key);
      for (const code of rule.codes(source, sources)) codes.push({ code, file });
    }
  };

  for (const [file, source] of sources) {
    // badRequest / conflict, and the modules' local `bad(…)` wrappers around badRequest: a wrapper's non-literal
    // argument needs no rule of its own, the badRequest call inside the wrapper is the dynamic site.
    for (const m of source.matchAll(/(?<!function )\b(badRequest|conflict|bad)\(/g)) {
      const rest = source.slice((m.index ?? 0) + m[0].length);
      const literal = LITERAL_ARG.exec(rest);
      if (literal) codes.push({ code: literal[2] as string, file, status: m[1] === 'conflict' ? 409 : 400 });
      else if (m[1] !== 'bad') dynamic(file, firstArgument(rest));
    }
    // new AppError(status, 'CODE', …) and super(status, …) in AppError subclasses.
    for (const m of source.matchAll(/new AppError\(\s*([^,]+),/g)) {
      const rest = source.slice((m.index ?? 0) + m[0].length);
      const literal = LITERAL_ARG.exec(rest);
      const status = /^\d+$/.test((m[1] ?? '').trim()) ? Number(m[1]) : undefined;
      if (literal) codes.push({ code: literal[2] as string, file, status });
      else dynamic(file, firstArgument(rest));
    }
    if (/extends AppError\b/.test(source)) {
      // The code argument may choose between literals (`cond ? 'A' : 'B'`): its branches are the codes.
      for (const m of source.matchAll(/\bsuper\(\s*(\d+)\s*,/g)) {
        const codeArg = firstArgument(source.slice((m.index ?? 0) + m[0].length));
        for (const lit of codeArg.matchAll(/(?:^|[?:])\s*'([A-Z][A-Z0-9_]*)'/g)) codes.push({ code: lit[1] as string, file, status: Number(m[1]) });
      }
    }
    // Error bodies written as objects.
    for (const m of source.matchAll(/code:\s*'([A-Z][A-Z0-9_]*)'\s*,\s*message_vi\s*:/g)) codes.push({ code: m[1] as string, file });
    for (const m of source.matchAll(/status:\s*(\d{3})\s*,\s*(?:reason:\s*'[^']*'\s*,\s*)?code:\s*'([A-Z][A-Z0-9_]*)'\s*,/g))
      codes.push({ code: m[2] as string, file, status: Number(m[1]) });
  }
  return { codes: codes.filter((c) => CODE.test(c.code)), unexplained };
}
