/**
 * The inspection documents as DOCX bytes (NĐ 30/2020 layout), pure builders: the service resolves every name and
 * number (allocateNumber in src/platform/official-docs) and stores the bytes with their sha256.
 */
export type * from './types';
export { minutesDocx } from './minutes';
export { conclusionDocx } from './conclusion';
