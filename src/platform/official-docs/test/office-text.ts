import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An office file (DOCX, XLSX) → PDF with LibreOffice headless (a private profile per call, so parallel suites do not
 * share one), then the PDF's text with pdftotext. Pages are separated by form feeds ("\f"), as pdftotext writes them.
 */
export function officeText(bytes: Uint8Array, ext: 'docx' | 'xlsx'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-office-'));
  try {
    const file = path.join(dir, `doc.${ext}`);
    fs.writeFileSync(file, bytes);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
    return execFileSync('pdftotext', [path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Whether LibreOffice can open spreadsheets: Calc is a separate package (libreoffice-calc-nogui) from Writer, and
 * its core library sits beside the soffice binary. Without it a conversion fails with "source file could not be
 * loaded", which says nothing about the file under test.
 */
export function hasLibreOfficeCalc(): boolean {
  for (const bin of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/homebrew/bin/soffice']) {
    if (!fs.existsSync(bin)) continue;
    return fs.existsSync(path.join(path.dirname(fs.realpathSync(bin)), 'libsclo.so'));
  }
  return false;
}

/** Whitespace folded to single spaces, for assertions on phrases that may wrap. */
export const flat = (s: string) => s.replace(/\s+/g, ' ');
