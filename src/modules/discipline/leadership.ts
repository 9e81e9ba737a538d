/**
 * Does the person hold a leadership or management post (lãnh đạo, quản lý) on a date? Leader-only forms (giáng chức,
 * cách chức) are open only to such a person. The competence module keeps the dated leadership posts but does not
 * export them yet, so the staff record's position title decides (a title naming a head or deputy post).
 */
const LEADER_TITLE = /^(Phó\s+)?(Chủ tịch|Trưởng|Chánh|Giám đốc|Bí thư|Thủ trưởng|Hiệu trưởng|Tổng)/i;

export function holdsLeadership(positionTitle: string | null | undefined): boolean {
  return !!positionTitle && LEADER_TITLE.test(positionTitle.trim());
}
