/**
 * Official documents in the NĐ 30/2020 layout, for every module that issues them: the DOCX renderer (header with
 * quốc hiệu and tiêu ngữ, số/ký hiệu, place-date line, body with tables and lists, signature areas, Nơi nhận, page
 * numbers from page 2), reproducible office files (same content → same bytes), and the numbering register
 * (table official_document_numbers, kernel migration 0070): allocateNumber / recordTakenNumber.
 */
export type { DataColumn } from './blocks';
export { isNumberTaken, allocateNumber, formatNumber, type NumberKey, parseNumber, recordTakenNumber } from './numbering';
export {
  type BodyBlock,
  type ListBlock,
  numberLine,
  type OfficialDocument,
  placeAndDate,
  renderOfficialDocx,
  type SignatureSlot,
  type TableBlock,
  type TextBlock,
} from './official-document';
export { documentInstant, reproducibleZip } from './reproducible';
