import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ERROR_CATALOGUE, ERROR_CODES, type ErrorCode, type ErrorMeaning, statusesOf } from '../../src/platform/errors.catalogue';
import { scanErrorCodes } from './error-code-scan';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scan = scanErrorCodes(root);
const isCatalogued = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CATALOGUE, code);

describe('error code catalogue', () => {
  it('the scan understands every place a code is raised', () => {
    assert.deepEqual(
      scan.unexplained,
      [],
      'these calls pass a non-literal error code: add a rule to DYNAMIC_SITES in test/contract/error-code-scan.ts',
    );
    // The scan must see the well-known codes, or it has stopped reading the sources.
    const seen = new Set(scan.codes.map((c) => c.code));
    for (const code of ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'CSRF_TOKEN_INVALID', 'ZIP_INVALID', 'CAMERA_TIMEOUT', 'ONVIF_NO_PROFILES', 'DATABASE_TIMEOUT'])
      assert.ok(seen.has(code), `scan missed ${code}`);
  });

  it('documents every code the sources raise', () => {
    const missing = [...new Set(scan.codes.filter((c) => !isCatalogued(c.code)).map((c) => `${c.code} (${c.file})`))];
    assert.deepEqual(missing, [], 'add these codes to src/platform/errors.catalogue.ts with their status and meaning in both languages');
  });

  it('gives each code the status it is raised with', () => {
    const wrong = scan.codes
      .filter((c) => c.status !== undefined && isCatalogued(c.code) && !statusesOf(c.code).includes(c.status))
      .map((c) => `${c.code} is raised with ${c.status} in ${c.file}`);
    assert.deepEqual([...new Set(wrong)], []);
  });

  it('lists no code that nothing raises (framework codes are marked)', () => {
    const raised = new Set(scan.codes.map((c) => c.code));
    const stale = ERROR_CODES.filter((code) => !raised.has(code) && !(ERROR_CATALOGUE[code] as ErrorMeaning).framework);
    assert.deepEqual(stale, [], 'remove these codes from the catalogue, or mark a framework code `framework: true`');
  });

  it('has a meaning in Vietnamese and English for every code', () => {
    for (const code of ERROR_CODES) {
      const m: ErrorMeaning = ERROR_CATALOGUE[code];
      assert.ok(m.vi.trim().length > 3 && m.en.trim().length > 3, code);
      assert.ok(statusesOf(code).every((s) => s >= 400 && s < 600), code);
    }
  });
});
