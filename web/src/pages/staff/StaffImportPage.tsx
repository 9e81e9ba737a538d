import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Progress, Row, Statistic, Steps, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, download, upload } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { PageHeader } from '../../components/PageHeader';
import { type MessageKey, useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { navigate, replaceSearch, useLocation } from '../../router';

const STATUS_COLORS = { RUNNING: 'processing', DONE: 'success', FAILED: 'error' } as const;
const POLL_MS = 1000;

/** Follows an import job on the server until it is DONE or FAILED. */
type ImportJob = Schemas['StaffImport'];

function useImportJob(jobId: string | null): { job: ImportJob | null; error: ApiError | null } {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setJob(null);
    setError(null);
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.get(`/api/staff/imports/${encodeURIComponent(jobId)}`, undefined, { quiet: true });
        if (stopped) return;
        setJob(next);
        if (next.status === 'RUNNING') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(err instanceof ApiError ? err : null);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  return { job, error };
}

function JobResult({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const percent = job.totalRows ? Math.round((job.processedRows / job.totalRows) * 100) : job.status === 'DONE' ? 100 : 0;
  return (
    <div data-testid="import-result" data-status={job.status}>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <FileExcelOutlined style={{ color: '#1d6f42', fontSize: 18 }} />
        <Typography.Text strong>{job.fileName}</Typography.Text>
        <Tag color={STATUS_COLORS[job.status]} data-testid="import-status">
          {t(`import.status.${job.status}` as MessageKey)}
        </Tag>
        <Typography.Text type="secondary">{t('import.startedAt', { time: formatDateTime(job.startedAt) })}</Typography.Text>
        {job.finishedAt ? (
          <Typography.Text type="secondary">{t('import.finishedAt', { time: formatDateTime(job.finishedAt) })}</Typography.Text>
        ) : null}
      </Flex>
      <Progress
        percent={percent}
        status={job.status === 'FAILED' ? 'exception' : job.status === 'DONE' ? 'success' : 'active'}
        style={{ marginBottom: 16 }}
      />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('import.totalRows')} value={job.totalRows ?? '–'} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('import.inserted')} value={job.insertedRows} styles={{ content: { color: '#389e0d' } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('import.updated')} value={job.updatedRows} styles={{ content: { color: '#1c56a8' } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('import.rejected')}
            value={job.rejectedRows}
            styles={{ content: { color: job.rejectedRows > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      {job.status === 'FAILED' ? (
        <Alert type="error" showIcon style={{ marginTop: 16 }} title={t('import.failed', { error: job.error ?? '' })} />
      ) : null}
      {job.status === 'DONE' ? (
        <Alert type={job.rejectedRows > 0 ? 'warning' : 'success'} showIcon style={{ marginTop: 16 }} title={t(job.rejectedRows > 0 ? 'import.doneRejected' : 'import.done', { processed: job.processedRows })} />
      ) : null}
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        {job.status !== 'RUNNING' && (job.hasReport ?? job.rejectedRows > 0) ? (
          <Button
            danger
            icon={<DownloadOutlined />}
            onClick={() => void download(`/api/staff/imports/${job.id}/report`, undefined, 'bao-cao-loi-nhap.xlsx').catch(() => {})}
            data-testid="import-report"
          >
            {t('import.report')}
          </Button>
        ) : null}
        {job.status !== 'RUNNING' ? (
          <Button icon={<ReloadOutlined />} onClick={() => replaceSearch({})} data-testid="import-another">
            {t('import.another')}
          </Button>
        ) : null}
        <Button type="link" onClick={() => navigate('/staff')}>
          {t('import.toList')}
        </Button>
      </Flex>
    </div>
  );
}

export default function StaffImportPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const jobId = search.get('job');
  const { job, error: pollError } = useImportJob(jobId);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const send = async (file: File) => {
    setUploadError(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setUploadError(t('import.onlyXlsx'));
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    setProgress(0);
    try {
      const answer = await upload('/api/staff/imports', form, setProgress);
      replaceSearch({ job: answer.id });
    } catch (err) {
      setUploadError(err instanceof ApiError ? err.text(locale) : String(err));
    } finally {
      setProgress(null);
    }
  };

  const step = job ? (job.status === 'RUNNING' ? 2 : 3) : 1;
  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }} onClick={() => navigate('/staff')}>
        {t('menu.staff')}
      </Button>
      <PageHeader title={t('import.title')} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          items={[{ title: t('import.step.template') }, { title: t('import.step.upload') }, { title: t('import.step.result') }]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={`1. ${t('import.step.template')}`} style={{ height: '100%' }}>
            <Typography.Paragraph>{t('import.templateHint')}</Typography.Paragraph>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void download('/api/staff/import-template', undefined, 'mau-nhap-can-bo.xlsx').catch(() => {})}
              data-testid="import-template"
            >
              {t('import.downloadTemplate')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={`${job ? 3 : 2}. ${job ? t('import.step.result') : t('import.step.upload')}`}>
            {pollError ? <Alert type="error" showIcon title={pollError.text(locale)} style={{ marginBottom: 16 }} /> : null}
            {job ? (
              <JobResult job={job} />
            ) : (
              <>
                <div data-testid="import-dropzone">
                <Upload.Dragger
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  multiple={false}
                  showUploadList={false}
                  disabled={progress !== null || Boolean(jobId)}
                  beforeUpload={(file) => {
                    void send(file);
                    return false;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('import.drop')}</p>
                  <p className="ant-upload-hint">{t('import.dropHint')}</p>
                </Upload.Dragger>
                </div>
                {progress !== null ? (
                  <div style={{ marginTop: 16 }} data-testid="import-uploading">
                    <Typography.Text>{t('import.uploading')}</Typography.Text>
                    <Progress percent={Math.round(progress * 100)} status="active" />
                  </div>
                ) : null}
                {uploadError ? (
                  <Alert type="error" showIcon title={uploadError} style={{ marginTop: 16 }} data-testid="import-error" />
                ) : null}
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
