import { randomUUID } from 'node:crypto';
import type { AppContext, DemoAgency } from '../../platform/module';
import { addDays, localDateOf } from '../../platform/time';
import { insertDelegation, insertPost } from './competence.repo';

/** The demo agency's leadership posts (src/app/seed/demo-org.ts): employee code → unit code, post, title. */
const DEMO_POSTS = [
  { person: 'TT001', unit: 'TT-UBND', title: 'Chủ tịch UBND xã Thông Thụ' },
  { person: 'TT002', unit: 'TT-VP', title: 'Chánh Văn phòng HĐND và UBND xã' },
  { person: 'TT003', unit: 'TT-VHXH', title: 'Trưởng phòng Văn hóa - Xã hội (lãnh đạo phụ trách nội vụ)' },
  { person: 'TT004', unit: 'TT-PKT', title: 'Trưởng phòng Kinh tế' },
  { person: 'TP001', unit: 'TP-UBND', title: 'Chủ tịch UBND xã Tiền Phong' },
] as const;

/**
 * Who leads which demo unit since the two-level government began, and one ủy quyền that is over: the Chủ tịch let the
 * Chánh Văn phòng approve leave during a week of provincial meetings, two months ago.
 */
export async function seedCompetenceDemo(ctx: AppContext, demo: DemoAgency): Promise<void> {
  for (const p of DEMO_POSTS) {
    const personId = demo.persons[p.person];
    const unitId = demo.units[p.unit];
    if (!personId || !unitId) continue;
    await insertPost(ctx.db, {
      id: randomUUID(),
      person_id: personId,
      unit_id: unitId,
      post: 'HEAD',
      title: p.title,
      valid_from: '2025-07-01',
      valid_to: null,
      legal_basis: 'Quyết định bổ nhiệm (dữ liệu mẫu)',
    });
  }
  const chairman = demo.persons.TT001;
  const office = demo.persons.TT002;
  if (!chairman || !office) return;
  const start = addDays(localDateOf(ctx.now()), -60);
  await insertDelegation(ctx.db, {
    id: randomUUID(),
    from_person_id: chairman,
    to_person_id: office,
    matter: 'LEAVE_APPROVAL',
    valid_from: start,
    valid_to: addDays(start, 5),
    document_ref: 'Giấy ủy quyền số 02/GUQ-UBND (dữ liệu mẫu)',
    reason: 'Chủ tịch dự các kỳ họp tại tỉnh; ủy quyền duyệt đơn nghỉ của công chức trong thời gian vắng mặt',
    created_by: 'system:seed',
    ended_by: null,
  });
}
