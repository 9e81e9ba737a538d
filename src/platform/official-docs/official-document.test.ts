import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import JSZip from 'jszip';
import { type OfficialDocument, placeAndDate, renderOfficialDocx } from './official-document';
import { flat, officeText } from './test/office-text';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A long document (enough body for three pages) using every block kind and a two-sided signature area. */
function sample(): OfficialDocument {
  return {
    superiorBody: 'UBND tỉnh Nghệ An',
    issuer: 'Sở Nội vụ',
    number: '07/BB-SNV',
    numberSymbol: 'BB-SNV',
    place: 'Thông Thụ',
    date: '2026-02-05',
    type: 'Biên bản',
    summary: 'Kiểm tra công vụ tại Ủy ban nhân dân xã Thông Thụ',
    body: [
      { text: 'I. THÀNH PHẦN', bold: true },
      { list: ['Ông Nguyễn Văn Đức, Trưởng đoàn', 'Bà Lê Thị Hương, Thư ký'] },
      { list: ['Nội dung thứ nhất', 'Nội dung thứ hai'], marker: 'letter' },
      { table: { columns: [{ title: 'STT', widthPct: 8, center: true }, { title: 'Nội dung kiểm tra', widthPct: 52 }, { title: 'Kết quả', widthPct: 15, center: true }, { title: 'Ghi chú', widthPct: 25 }], rows: [['1', 'Đeo thẻ công chức', 'Không đạt', 'Hai người không đeo thẻ']] } },
      ...Array.from({ length: 40 }, (_, i) => `Đoạn nội dung thứ ${i + 1}: cán bộ, công chức chấp hành nghiêm giờ giấc làm việc, tác phong, lề lối làm việc theo quy định.`),
    ],
    recipients: ['Như trên', 'Lưu: VT, Đoàn KT'],
    signature: { title: 'unused', name: 'unused' },
    signatureRows: [
      [
        { title: 'Đại diện đơn vị được kiểm tra', name: 'Trần Văn Bình' },
        { authorityLine: 'TM. Đoàn kiểm tra', title: 'Trưởng đoàn', name: 'Nguyễn Văn Đức' },
      ],
      [{ title: 'Thư ký', name: 'Lê Thị Hương' }],
    ],
  };
}

it('place-date line: day below 10 and months 1–2 take a leading zero', () => {
  assert.equal(placeAndDate('Thông Thụ', '2026-02-05'), 'Thông Thụ, ngày 05 tháng 02 năm 2026');
  assert.equal(placeAndDate('Quế Phong', '2024-07-05'), 'Quế Phong, ngày 05 tháng 7 năm 2024');
  assert.equal(placeAndDate('Vinh', '2026-12-15'), 'Vinh, ngày 15 tháng 12 năm 2026');
});

it('renders the same bytes twice, stamped with the document date', async () => {
  const a = await renderOfficialDocx(sample());
  const b = await renderOfficialDocx(sample());
  assert.equal(sha(a), sha(b));
  const core = await (await JSZip.loadAsync(a)).file('docProps/core.xml')?.async('string');
  assert.match(core ?? '', /<dcterms:created[^>]*>2026-02-05T00:00:00Z</);
  assert.match(core ?? '', /<dcterms:modified[^>]*>2026-02-05T00:00:00Z</);
});

it('converts with LibreOffice: NĐ 30 header, tables, lists, page numbers from page 2, signature area', async () => {
  const text = officeText(await renderOfficialDocx(sample()), 'docx');
  const pages = text.split('\f').filter((p) => p.trim());
  assert.ok(pages.length >= 2, `expected several pages, got ${pages.length}`);
  const all = flat(text);
  for (const s of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'UBND TỈNH NGHỆ AN',
    'SỞ NỘI VỤ',
    'Số: 07/BB-SNV',
    'Thông Thụ, ngày 05 tháng 02 năm 2026',
    'BIÊN BẢN',
    '- Ông Nguyễn Văn Đức, Trưởng đoàn',
    'a) Nội dung thứ nhất',
    'b) Nội dung thứ hai',
    'Nội dung kiểm tra',
    'Đeo thẻ công chức',
    'Không đạt',
    'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA',
    'TM. ĐOÀN KIỂM TRA',
    'TRƯỞNG ĐOÀN',
    'Nguyễn Văn Đức',
    'THƯ KÝ',
    'Lê Thị Hương',
    'Nơi nhận:',
    '- Lưu: VT, Đoàn KT.',
  ])
    assert.ok(all.includes(s), `missing "${s}"`);
  // Page 1 carries no number; page 2 starts with its number in the top margin.
  assert.doesNotMatch(pages[0]?.trim().split('\n')[0] ?? '', /^\d+$/);
  assert.equal(pages[1]?.trim().split('\n')[0]?.trim(), '2');
});
