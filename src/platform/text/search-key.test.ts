import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchKey } from './search-key';

describe('searchKey', () => {
  it('strips Vietnamese diacritics, maps đ/Đ to d, lowers case and collapses spaces', () => {
    assert.equal(searchKey('  Nguyễn   Văn ĐỨC '), 'nguyen van duc');
    assert.equal(searchKey('Ủy ban nhân dân xã'), 'uy ban nhan dan xa');
  });
});
