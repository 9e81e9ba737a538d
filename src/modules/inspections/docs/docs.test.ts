import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { flat, officeText } from '../../../platform/official-docs/test/office-text';
import { conclusionDocx, minutesDocx } from './index';
import { CONCLUSION, MINUTES } from './test/samples';

/**
 * Acceptance 2 of issue 15: both documents convert to PDF with LibreOffice and read right (diacritics, quốc hiệu and
 * tiêu ngữ, số/ký hiệu with its leading zero, the place-date line with leading zeros, signatures, Nơi nhận); and the
 * same input gives the same bytes, which issue 16's "regenerate gives the same file hash" relies on.
 */
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function assertHas(text: string, phrases: string[]): void {
  const all = flat(text);
  const missing = phrases.filter((p) => !all.includes(p));
  assert.deepEqual(missing, [], `missing in the PDF text:\n${all}`);
}

/** NĐ 30/2020 header lines common to both documents. */
const HEADER = ['UBND TỈNH NGHỆ AN', 'SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

describe('biên bản kiểm tra công vụ (minutes)', () => {
  it('converts with LibreOffice and reads right', async () => {
    const text = officeText(await minutesDocx(MINUTES), 'docx');
    assertHas(text, [
      ...HEADER,
      'Số: 03/BB-ĐKT',
      'Thông Thụ, ngày 05 tháng 02 năm 2026',
      'BIÊN BẢN',
      'Kiểm tra công vụ tại Ủy ban nhân dân xã Thông Thụ',
      'Thực hiện Quyết định số 07/QĐ-SNV ngày 02/02/2026 của Giám đốc Sở Nội vụ về việc thành lập Đoàn kiểm tra công vụ',
      // Times in Vietnam time: 01:30Z is 08:30 in Thông Thụ.
      'vào hồi 08 giờ 30 phút, ngày 05/02/2026, tại trụ sở Ủy ban nhân dân xã Thông Thụ',
      'kiểm tra đột xuất',
      '- Nguyễn Văn Đức, Phó Giám đốc Sở Nội vụ — Trưởng đoàn',
      '- Phạm Thị Hồng, Chuyên viên Thanh tra tỉnh — Thành viên',
      '- Lê Thị Hương, Chuyên viên Sở Nội vụ — Thư ký',
      'Đại diện đơn vị: Trần Văn Bình, Phó Chủ tịch UBND xã.',
      'Nội dung kiểm tra',
      'Chấp hành thời giờ làm việc',
      'Đạt',
      'Không đạt',
      'Không áp',
      '- Vi Văn Khánh, Công chức Văn phòng - Thống kê: đến cơ quan muộn 25 phút (lúc 08 giờ 55 phút, ngày 05/02/2026)',
      '- Lô Thị Mai, Công chức Tư pháp - Hộ tịch',
      'Đơn vị tiếp thu ý kiến của Đoàn kiểm tra và sẽ chấn chỉnh ngay.',
      'Ý kiến chưa thống nhất với nội dung biên bản:',
      'Ông Vi Văn Khánh cho rằng việc đến muộn do đi công tác cơ sở theo phân công.',
      'Biên bản kết thúc vào hồi 11 giờ 45 phút cùng ngày, được lập thành 02 bản có giá trị như nhau',
      'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA',
      'PHÓ CHỦ TỊCH UBND XÃ',
      'Trần Văn Bình',
      'TM. ĐOÀN KIỂM TRA',
      'TRƯỞNG ĐOÀN',
      'Nguyễn Văn Đức',
      'THƯ KÝ',
      'Lê Thị Hương',
    ]);
    // A disagreement was noted: the closing line does not say everyone agreed.
    assert.doesNotMatch(flat(text), /cùng nghe, thống nhất/);
    // Page numbers from page 2 only.
    const pages = text.split('\f').filter((p) => p.trim());
    assert.ok(pages.length >= 2);
    assert.doesNotMatch(pages[0]?.trim().split('\n')[0] ?? '', /^\d+$/);
    assert.equal(pages[1]?.trim().split('\n')[0]?.trim(), '2');
  });

  it('says no violation was found and that everyone agreed, when so', async () => {
    const text = officeText(await minutesDocx({ ...MINUTES, number: null, findings: [], disagreement: null, representativeOpinion: null, copies: 3 }), 'docx');
    assertHas(text, [
      'Số: /BB-ĐKT',
      'Qua kiểm tra, Đoàn kiểm tra không phát hiện vi phạm.',
      'Đại diện đơn vị không có ý kiến khác.',
      'được lập thành 03 bản có giá trị như nhau, Đoàn kiểm tra giữ 02 bản, Ủy ban nhân dân xã Thông Thụ giữ 01 bản',
      'cùng nghe, thống nhất và ký tên dưới đây',
    ]);
  });

  it('gives the same bytes for the same input', async () => {
    assert.equal(sha(await minutesDocx(MINUTES)), sha(await minutesDocx(structuredClone(MINUTES))));
    assert.notEqual(sha(await minutesDocx(MINUTES)), sha(await minutesDocx({ ...MINUTES, number: '04/BB-ĐKT' })));
  });
});

describe('thông báo kết luận kiểm tra (conclusion)', () => {
  it('converts with LibreOffice and reads right', async () => {
    const text = officeText(await conclusionDocx(CONCLUSION), 'docx');
    assertHas(text, [
      ...HEADER,
      'Số: 05/TB-SNV',
      'Thông Thụ, ngày 09 tháng 02 năm 2026',
      'THÔNG BÁO',
      'Kết luận kiểm tra công vụ tại Ủy ban nhân dân xã Thông Thụ',
      'Căn cứ Quyết định số 07/QĐ-SNV ngày 02/02/2026 của Giám đốc Sở Nội vụ về việc thành lập Đoàn kiểm tra công vụ;',
      'Căn cứ Biên bản kiểm tra số 03/BB-ĐKT ngày 05/02/2026 của Đoàn kiểm tra công vụ;',
      'I. KẾT QUẢ KIỂM TRA',
      'II. TỒN TẠI, HẠN CHẾ',
      '- Chấp hành thời giờ làm việc: 02 người đến muộn',
      'III. KIẾN NGHỊ',
      '1. Nhắc nhở:',
      '2. Phê bình:',
      '- Vi Văn Khánh, Công chức Văn phòng - Thống kê: phê bình vì đến muộn và không đeo thẻ công chức',
      '3. Yêu cầu kiểm điểm:',
      '- Ủy ban nhân dân xã Thông Thụ: tổ chức kiểm điểm trách nhiệm tập thể',
      '4. Đề nghị xem xét xử lý kỷ luật:',
      'Đề nghị cấp có thẩm quyền xem xét, quyết định việc xử lý kỷ luật theo quy định của pháp luật đối với:',
      'IV. TỔ CHỨC KHẮC PHỤC',
      'Cấp lại thẻ công chức bị hỏng',
      '05/03/2026',
      '27/02/2026',
      'báo cáo kết quả khắc phục bằng văn bản về Sở Nội vụ trước ngày 09/03/2026.',
      'Nơi nhận:',
      '- UBND xã Thông Thụ;',
      '- Lưu: VT, TTr.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn Đức',
    ]);
    // The notice proposes that the competent authority consider discipline; it never names a disciplinary form.
    assert.doesNotMatch(flat(text), /khiển trách|cảnh cáo|cách chức|buộc thôi việc|giáng chức|hạ bậc lương/i);
  });

  it('lists the failed items as tồn tại when none are written, and says when there is nothing to fix', async () => {
    const text = officeText(await conclusionDocx({ ...CONCLUSION, date: '2026-11-03', recommendations: [], remediations: [], reportDueOn: null, findings: [] }), 'docx');
    assertHas(text, ['Thông Thụ, ngày 03 tháng 11 năm 2026', '- Đeo thẻ công chức, viên chức: 01 người không đeo thẻ', 'Không có kiến nghị.', 'Không có nội dung phải khắc phục.']);
  });

  it('gives the same bytes for the same input', async () => {
    assert.equal(sha(await conclusionDocx(CONCLUSION)), sha(await conclusionDocx(structuredClone(CONCLUSION))));
  });
});
