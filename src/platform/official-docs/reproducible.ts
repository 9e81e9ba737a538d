/**
 * Office files (DOCX, XLSX) that are the same bytes for the same content: the libraries stamp the zip entries and
 * docProps/core.xml with the current time, so two renders of one document would hash differently. Issue 16's reports
 * store a hash and promise that regenerating from the same snapshot gives the same file, and an issued document is
 * stored with its sha256; so every generated file is re-packed here with one fixed instant chosen by the caller
 * (the document's own date), entries in the order the library wrote them.
 */
import JSZip from 'jszip';

const W3CDTF = /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

/** The W3CDTF stamp written into docProps/core.xml, e.g. "2026-02-05T00:00:00Z". */
function stamp(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

/** Re-packs an OOXML zip with every timestamp set to `at` (zip entries and core properties). */
export async function reproducibleZip(bytes: Uint8Array, at: Date): Promise<Buffer> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const [name, entry] of Object.entries(src.files)) {
    if (entry.dir) continue;
    if (name === 'docProps/core.xml') {
      const xml = (await entry.async('string')).replace(W3CDTF, `$1${stamp(at)}$2`);
      out.file(name, xml, { date: at, createFolders: false });
    } else out.file(name, await entry.async('uint8array'), { date: at, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** Midnight UTC of a local date 'YYYY-MM-DD': the fixed instant a document dated that day is stamped with. */
export function documentInstant(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
