import { DownloadOutlined, FileZipOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Input, Progress, Row, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useEffect, useMemo, useState } from 'react';
import { ApiError, api, download, upload } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { replaceSearch, useLocation } from '../../router';
import { type FKey, useFT } from './texts';

type ZipJob = Schemas['EnrollmentZipImport'];
type ZipFileRow = Schemas['EnrollmentZipImportFile'];
type Status = ZipJob['status'];

const POLL_MS = 1000;
const STATUS_COLORS: Record<Status, string> = { QUEUED: 'default', RUNNING: 'processing', DONE: 'success', FAILED: 'error' };

/** Polls a zip import until it ends; the job id lives in the address bar (`?zip=`) so a reload keeps following it. */
function useZipJob(id: string | null): { job: ZipJob | null; error: ApiError | null } {
  const [job, setJob] = useState<ZipJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setJob(null);
    setError(null);
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.get(`/api/recognition/imports/${encodeURIComponent(id)}`, undefined, { quiet: true });
        if (stopped) return;
        setJob(next);
        if (next.status === 'QUEUED' || next.status === 'RUNNING') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(err instanceof ApiError ? err : null);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);
  return { job, error };
}

/** Bulk enrollment: upload a zip of photos named by employee code, follow the job, read or download the report. */
export function ZipImport() {
  const ft = useFT();
  const { locale } = useI18n();
  const { search } = useLocation();
  const jobId = search.get('zip');
  const { job, error: pollError } = useZipJob(jobId);
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  async function send(file: File) {
    setUploadError(null);
    if (!file.name.toLowerCase().endsWith('.zip')) {
      setUploadError(ft('faces.zip.onlyZip'));
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    setUploading(0);
    try {
      const answer = await upload('/api/recognition/imports', form, setUploading);
      replaceSearch({ zip: answer.id });
    } catch (err) {
      setUploadError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setUploading(null);
    }
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ maxWidth: 880, marginBottom: 0 }}>{ft('faces.zip.help')}</Typography.Paragraph>
      {!jobId ? (
        <div data-testid="faces-zip-input" style={{ maxWidth: 640 }}>
          <Upload.Dragger
            accept=".zip,application/zip"
            multiple={false}
            showUploadList={false}
            disabled={uploading !== null}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{ft('faces.zip.choose')}</p>
            <p className="ant-upload-hint">{ft('faces.zip.limits')}</p>
          </Upload.Dragger>
        </div>
      ) : null}
      {uploading !== null ? (
        <div>
          <Typography.Text type="secondary">{ft('faces.zip.uploading')}</Typography.Text>
          <Progress percent={Math.round(uploading * 100)} status="active" />
        </div>
      ) : null}
      {uploadError ? <Alert type="error" showIcon title={uploadError} data-testid="faces-zip-error" /> : null}
      {pollError ? <Alert type="error" showIcon title={pollError.text(locale)} /> : null}
      {job ? <JobView job={job} /> : null}
    </Flex>
  );
}

function JobView({ job }: { job: ZipJob }) {
  const ft = useFT();
  const percent = job.totalFiles ? Math.floor((job.processedFiles / job.totalFiles) * 100) : 0;
  const running = job.status === 'QUEUED' || job.status === 'RUNNING';
  return (
    <Flex vertical gap={12} data-testid="faces-zip-job" data-status={job.status}>
      <Flex gap={8} align="center" wrap>
        <FileZipOutlined style={{ fontSize: 18 }} />
        <Typography.Text strong>{job.fileName}</Typography.Text>
        <Tag color={STATUS_COLORS[job.status]}>{ft(`faces.zip.status.${job.status}` as FKey)}</Tag>
        {job.startedAt ? <Typography.Text type="secondary">{formatDateTime(job.startedAt)}</Typography.Text> : null}
      </Flex>
      <div>
        <Progress
          percent={percent}
          status={job.status === 'FAILED' ? 'exception' : job.status === 'DONE' ? 'success' : 'active'}
          data-testid="faces-zip-progress"
          data-percent={percent}
        />
        <Typography.Text type="secondary">{ft('faces.zip.processed', { processed: job.processedFiles, total: job.totalFiles })}</Typography.Text>
      </div>
      {!running ? (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={ft('faces.zip.total')} value={job.totalFiles} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={ft('faces.zip.enrolled')} value={job.enrolledFiles} styles={{ content: { color: '#389e0d' } }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={ft('faces.zip.rejected')} value={job.rejectedFiles} styles={{ content: { color: job.rejectedFiles > 0 ? '#cf1322' : undefined } }} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={ft('faces.zip.templates')} value={job.templatesCreated} />
          </Col>
        </Row>
      ) : null}
      {job.status === 'FAILED' ? (
        <Alert type="error" showIcon title={ft(`faces.zip.error.${job.errorCode ?? 'INTERNAL'}` as FKey)} />
      ) : null}
      {!running ? (
        <Flex gap={8} wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void download(`/api/recognition/imports/${job.id}/report`, undefined, 'ket-qua-nhap-anh.xlsx').catch(() => {})}
            data-testid="faces-zip-download"
          >
            {ft('faces.zip.download')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => replaceSearch({ zip: null })} data-testid="faces-zip-another">
            {ft('faces.zip.another')}
          </Button>
        </Flex>
      ) : null}
      {job.files ? <ReportTable rows={job.files} /> : null}
    </Flex>
  );
}

/** The per-file report: sortable columns, filters on outcome and reason, a free-text search. */
function ReportTable({ rows }: { rows: ZipFileRow[] }) {
  const ft = useFT();
  const { locale } = useI18n();
  const [q, setQ] = useState('');
  const reason = (r: ZipFileRow) => (locale === 'en' ? r.message_en : r.message_vi) ?? '';
  const reasonFilters = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of rows) if (r.code && !seen.has(r.code)) seen.set(r.code, (locale === 'en' ? r.message_en : r.message_vi)?.split(/[.;—]/)[0] ?? r.code);
    return [...seen].map(([value, text]) => ({ value, text }));
  }, [rows, locale]);
  const needle = q.trim().toLowerCase();
  const shown = needle ? rows.filter((r) => [r.file, r.employeeCode ?? '', r.fullName ?? ''].some((s) => s.toLowerCase().includes(needle))) : rows;
  const text = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'vi');
  const columns: ColumnsType<ZipFileRow> = [
    { title: ft('faces.zip.col.file'), dataIndex: 'file', sorter: (a, b) => text(a.file, b.file) },
    { title: ft('faces.zip.col.code'), dataIndex: 'employeeCode', sorter: (a, b) => text(a.employeeCode, b.employeeCode), width: 130 },
    { title: ft('faces.zip.col.name'), dataIndex: 'fullName', sorter: (a, b) => text(a.fullName, b.fullName) },
    {
      title: ft('faces.zip.col.outcome'),
      dataIndex: 'outcome',
      width: 150,
      filters: (['ENROLLED', 'REJECTED'] as const).map((o) => ({ value: o, text: ft(`faces.zip.outcome.${o}`) })),
      onFilter: (value, r) => r.outcome === value,
      sorter: (a, b) => a.outcome.localeCompare(b.outcome),
      render: (_, r) => (
        <Tag color={r.outcome === 'ENROLLED' ? 'green' : 'red'} data-outcome={r.outcome}>
          {ft(`faces.zip.outcome.${r.outcome}`)}
        </Tag>
      ),
    },
    {
      title: ft('faces.zip.col.reason'),
      key: 'reason',
      filters: reasonFilters,
      onFilter: (value, r) => r.code === value,
      sorter: (a, b) => reason(a).localeCompare(reason(b), locale),
      render: (_, r) => (r.outcome === 'ENROLLED' ? <Typography.Text type="secondary">{ft('faces.templates', { photos: 1, synthetic: r.templates - 1 })}</Typography.Text> : reason(r)),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Input.Search allowClear placeholder={ft('faces.zip.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 360 }} data-testid="faces-zip-search" />
      <Table<ZipFileRow>
        data-testid="faces-zip-report"
        rowKey="seq"
        size="small"
        dataSource={shown}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-code': r.code ?? 'ENROLLED' }) as HTMLAttributes<HTMLElement>}
      />
    </Flex>
  );
}
