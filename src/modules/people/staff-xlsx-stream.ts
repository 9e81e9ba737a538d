import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { AppError, errors } from '../../platform/errors';
import { readCentralDirectory } from '../../platform/zip/zip-archive';

/**
 * Streaming read of an uploaded staff workbook (issue 11, F7). The DOM reader (`wb.xlsx.load`) held the whole
 * workbook as objects: 150,000 rows took RSS +2.65 GB and stalled the event loop for 15 s. Here:
 *
 * 1. The zip's central directory is checked first (as for face zips): entry count and the declared uncompressed
 *    total are bounded before anything is inflated, so a zip bomb is refused with a 400 before parsing.
 * 2. exceljs's streaming WorkbookReader parses the first worksheet row by row. Its XML chunks are decoded here with
 *    a streaming UTF-8 decoder: exceljs decodes each chunk on its own and would split a multi-byte character at a
 *    chunk boundary ("Công ch��c", exceljs #2063/#2084); strings pass through its decoder untouched. The decoded
 *    bytes are counted, so an entry that inflates beyond what the directory declared is stopped (a lying header).
 */
export interface WorkbookLimits {
  /** Most zip entries. */
  maxEntries: number;
  /** Largest sum of declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Most data rows in the sheet. */
  maxRows: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = { maxEntries: 1_000, maxUncompressedBytes: 512 * 1024 * 1024, maxRows: 200_000 };

const notXlsx = () => errors.badRequest('IMPORT_NOT_XLSX', 'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.', 'The file is not a valid Excel workbook (.xlsx).');

export const tooLargeUncompressed = (limits: WorkbookLimits, details?: unknown) =>
  new AppError(
    400,
    'IMPORT_TOO_LARGE_UNCOMPRESSED',
    `Tệp Excel giải nén ra quá lớn (tối đa ${Math.round(limits.maxUncompressedBytes / 2 ** 20)} MB); tệp có thể là "bom zip". Hãy chia danh sách thành nhiều tệp.`,
    `The workbook expands to too many bytes (at most ${Math.round(limits.maxUncompressedBytes / 2 ** 20)} MB); it may be a zip bomb. Split the list into several files.`,
    details,
  );

export const tooManyRows = (limits: WorkbookLimits) =>
  errors.badRequest(
    'IMPORT_TOO_MANY_ROWS',
    `Tệp có quá nhiều dòng (tối đa ${limits.maxRows.toLocaleString('vi-VN')} dòng mỗi lần nhập). Hãy chia thành nhiều tệp.`,
    `The file has too many rows (at most ${limits.maxRows} per import). Split it into several files.`,
  );

/** Checks the zip's central directory; returns the declared uncompressed total (the byte budget of the parse). */
export function checkWorkbookZip(file: Buffer, limits: WorkbookLimits): number {
  try {
    const entries = readCentralDirectory(file, { maxBytes: Number.MAX_SAFE_INTEGER, maxEntries: limits.maxEntries, maxUncompressedBytes: limits.maxUncompressedBytes });
    return entries.reduce((n, e) => n + e.uncompressedSize, 0);
  } catch (e) {
    if (e instanceof AppError && e.code === 'ZIP_TOO_LARGE_UNCOMPRESSED') throw tooLargeUncompressed(limits, e.details);
    if (e instanceof AppError && e.code === 'ZIP_TOO_MANY_ENTRIES') throw tooLargeUncompressed(limits, e.details);
    throw notXlsx();
  }
}

class ByteBudget {
  private used = 0;
  constructor(
    private readonly max: number,
    private readonly limits: WorkbookLimits,
  ) {}
  take(n: number) {
    this.used += n;
    if (this.used > this.max) throw tooLargeUncompressed(this.limits, { inflatedBeyondDeclared: this.max });
  }
}

async function* decodeUtf8(source: AsyncIterable<Buffer | string>, budget: ByteBudget): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      budget.take(Buffer.byteLength(chunk));
      yield chunk;
      continue;
    }
    budget.take(chunk.length);
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** The parts of exceljs's WorkbookReader we wrap (its own methods, stable across 4.x). */
interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

export interface SheetRow {
  rowNumber: number;
  /** Cell values, 0-based by column. */
  values: unknown[];
}

/**
 * The rows of the workbook's first worksheet, header included, in order, read as a stream. Throws the bilingual
 * IMPORT_* errors for a non-workbook, a zip bomb or too many rows.
 */
export async function* streamFirstSheet(file: Buffer, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS): AsyncGenerator<SheetRow> {
  const budget = new ByteBudget(checkWorkbookZip(file, limits), limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    styles: 'cache', // date-formatted cells come back as dates
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  const parseShared = internals._parseSharedStrings;
  const parseSheet = internals._parseWorksheet;
  internals._parseSharedStrings = function (entry) {
    return parseShared.call(this, Readable.from(decodeUtf8(entry, budget)));
  };
  internals._parseWorksheet = function (iterator, sheetNo) {
    return parseSheet.call(this, decodeUtf8(iterator, budget), sheetNo);
  };
  let dataRows = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number > 1 && ++dataRows > limits.maxRows) throw tooManyRows(limits);
        yield { rowNumber: row.number, values: (row.values as unknown[]).slice(1) };
      }
      return; // only the first worksheet holds staff; the others (instructions) are not read
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notXlsx();
  }
}
