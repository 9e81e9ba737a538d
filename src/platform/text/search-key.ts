/**
 * Vietnamese-aware search key: lower case, diacritics stripped, đ → d, inner spaces collapsed. Names are stored
 * with their key (persons.search_text) and queries are keyed the same way, so "nguyen van an" finds "Nguyễn Văn An".
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
