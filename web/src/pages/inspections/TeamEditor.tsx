import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { request } from '../../api/client';
import { useI18n } from '../../i18n';
import { BASE, put } from './data';
import { type IKey, useIT } from './texts';
import type { InspectionView, MemberCandidate, MemberRole } from './types';

const ROLES: readonly MemberRole[] = ['HEAD', 'MEMBER', 'SECRETARY'];

/** The editor's own words (texts.ts is at its size limit); Vietnamese first, English second. */
const WORDS = {
  vi: {
    title: 'Lập Tổ kiểm tra',
    hint: 'Chọn tài khoản trong phạm vi đơn vị ban hành; người của đơn vị được kiểm tra không được chọn.',
    person: 'Thành viên (gõ tên để tìm)',
    memberTitle: 'Chức danh trong Tổ (VD: Tổ trưởng)',
    add: 'Thêm thành viên',
    save: 'Lưu thành phần Tổ kiểm tra',
    saved: 'Đã lưu thành phần Tổ kiểm tra.',
    oneHead: 'Tổ kiểm tra phải có đúng một Trưởng đoàn và mỗi người chỉ một vai trò.',
    remove: 'Bỏ',
  },
  en: {
    title: 'Form the inspection team',
    hint: 'Choose accounts within the issuing unit’s scope; people of the inspected unit cannot be chosen.',
    person: 'Member (type a name to search)',
    memberTitle: 'Title on the team (e.g. Team leader)',
    add: 'Add a member',
    save: 'Save the team',
    saved: 'The team is saved.',
    oneHead: 'The team needs exactly one head, and each person one role.',
    remove: 'Remove',
  },
} as const;

interface Row {
  key: number;
  userId: string | null;
  name: string;
  role: MemberRole;
  title: string;
}

/**
 * The issuer side forms the team (head, members, secretary with their titles) before the decision and until the work
 * on site starts. People come from GET /:id/member-candidates, which already leaves out the inspected unit's people
 * on the inspection date, so a choice offered here is one PUT /:id/members accepts.
 */
export function TeamEditor({ view, onSaved }: { view: InspectionView; onSaved: () => void }) {
  const it = useIT();
  const { locale } = useI18n();
  const w = WORDS[locale === 'en' ? 'en' : 'vi'];
  const { message } = App.useApp();
  const id = view.inspection.id;
  const next = useRef(0);
  const fresh = (): Row[] =>
    view.members.length > 0
      ? view.members.map((m) => ({ key: next.current++, userId: m.userId, name: m.name, role: m.role, title: m.title }))
      : [{ key: next.current++, userId: null, name: '', role: 'HEAD', title: '' }];
  const [rows, setRows] = useState<Row[]>(fresh);
  const [options, setOptions] = useState<MemberCandidate[]>([]);
  const [saving, setSaving] = useState(false);
  const search = useRef(0);

  const find = (q: string) => {
    const ticket = ++search.current;
    void request<MemberCandidate[]>('GET', `${BASE}/${id}/member-candidates`, { query: { q }, quiet: true })
      .then((list) => ticket === search.current && setOptions(list))
      .catch(() => undefined);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first list once per inspection.
  useEffect(() => find(''), [id]);

  const change = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const chosen = rows.filter((r) => r.userId);
  const valid = chosen.length > 0 && chosen.filter((r) => r.role === 'HEAD').length === 1 && new Set(chosen.map((r) => r.userId)).size === chosen.length;

  const save = async () => {
    setSaving(true);
    try {
      await put(`${BASE}/${id}/members`, { members: chosen.map((r) => ({ userId: r.userId, role: r.role, title: r.title.trim() })) });
      message.success(w.saved);
      onSaved();
    } catch {
      // The client shows the server's bilingual message.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={w.title} data-testid="team-editor">
      <Flex vertical gap={8}>
        <span style={{ color: '#595959' }}>{w.hint}</span>
        {rows.map((r, n) => {
          // The row's current person stays selectable even when the last search did not return them.
          const opts = [...options];
          if (r.userId && !opts.some((o) => o.userId === r.userId)) opts.unshift({ userId: r.userId, personId: null, name: r.name, unitName: '', onTeam: true });
          return (
            <Flex key={r.key} gap={8} wrap align="center" data-testid={`team-row-${n}`}>
              <Select
                showSearch={{ filterOption: false, onSearch: find }}
                value={r.userId ?? undefined}
                placeholder={w.person}
                style={{ flex: '2 1 240px', minWidth: 200 }}
                onChange={(userId: string) => change(r.key, { userId, name: opts.find((o) => o.userId === userId)?.name ?? '' })}
                options={opts.map((o) => ({ value: o.userId, label: o.unitName ? `${o.name} – ${o.unitName}` : o.name }))}
                data-testid={`team-user-${n}`}
              />
              <Select
                value={r.role}
                style={{ flex: '1 1 140px' }}
                onChange={(role: MemberRole) => change(r.key, { role })}
                options={ROLES.map((role) => ({ value: role, label: it(`role.${role}` as IKey) }))}
                data-testid={`team-role-${n}`}
              />
              <Input
                value={r.title}
                placeholder={w.memberTitle}
                maxLength={200}
                style={{ flex: '2 1 200px' }}
                onChange={(e) => change(r.key, { title: e.target.value })}
                data-testid={`team-title-${n}`}
              />
              <Button icon={<DeleteOutlined />} aria-label={w.remove} disabled={rows.length === 1} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} />
            </Flex>
          );
        })}
        {!valid && chosen.length > 0 ? <span style={{ color: '#cf1322' }}>{w.oneHead}</span> : null}
        <Flex gap={8} wrap>
          <Button icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, { key: next.current++, userId: null, name: '', role: 'MEMBER', title: '' }])} data-testid="team-add">
            {w.add}
          </Button>
          <Button type="primary" disabled={!valid} loading={saving} onClick={() => void save()} data-testid="team-save">
            {w.save}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
