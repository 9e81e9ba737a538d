import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  testId?: string;
}

/** Finds a staff record by name or code as the user types (GET /api/staff?q=), for linking accounts to people. */
export function PersonSelect({ value, onChange, placeholder, testId }: Props) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get('/api/staff', { q: query.trim(), pageSize: 20 }, { signal: controller.signal, quiet: true })
        .then((page) =>
          setOptions(page.items.map((p) => ({ value: p.id, label: `${p.fullName} (${p.employeeCode}) – ${p.unitName}` }))),
        )
        .catch(() => {})
        .finally(() => setLoading(false));
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <Select
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={loading}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      notFoundContent={null}
      data-testid={testId}
    />
  );
}
