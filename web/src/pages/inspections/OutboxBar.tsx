import { CheckCircleOutlined, CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Tag } from 'antd';
import { useI18n } from '../../i18n';
import type { OutboxState } from '../../offline/useOutbox';
import { KIND_FINDING, KIND_PHOTO } from './data';
import { useIT } from './texts';
import type { FindingPayload } from './types';

/**
 * The state of the device queue for this inspection, always in view on the phone: online or not, how many items wait
 * ("3 mục chờ gửi"), and the ones the server refused (with its reason, to fix or drop).
 */
export function OutboxBar({ state }: { state: OutboxState }) {
  const it = useIT();
  const { locale } = useI18n();
  const { online, pending, failed, sending } = state;
  return (
    <Flex vertical gap={8} style={{ position: 'sticky', top: 64, zIndex: 5, marginBottom: 12 }}>
      <Flex
        align="center"
        gap={8}
        wrap
        style={{ background: online ? '#f6ffed' : '#fffbe6', border: `1px solid ${online ? '#b7eb8f' : '#ffe58f'}`, borderRadius: 8, padding: '6px 10px' }}
        data-testid="outbox-bar"
        data-online={online}
        data-pending={pending}
      >
        {online ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <DisconnectOutlined style={{ color: '#d48806' }} />}
        <span data-testid="queue-count" data-count={pending}>
          {pending > 0 ? it('queue.count', { n: pending }) : it('queue.allSent')}
        </span>
        {sending ? <Tag color="processing">{it('queue.sending')}</Tag> : null}
        {online && pending > 0 && !sending ? (
          <Button size="small" icon={<CloudUploadOutlined />} onClick={state.flush} data-testid="queue-send">
            {it('queue.sendNow')}
          </Button>
        ) : null}
        {online ? null : <span style={{ fontSize: 12 }}>{it('queue.offline')}</span>}
      </Flex>
      {failed.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="queue-failed"
          title={it('queue.failed', { n: failed.length })}
          description={
            <List
              size="small"
              dataSource={failed}
              renderItem={(e) => (
                <List.Item
                  actions={[
                    <Button key="r" size="small" onClick={() => state.retry(e.key)}>
                      {it('queue.retry')}
                    </Button>,
                    <Button key="d" size="small" danger onClick={() => state.discard(e.key)}>
                      {it('queue.discard')}
                    </Button>,
                  ]}
                >
                  <span>
                    {e.kind === KIND_FINDING ? (e.payload as FindingPayload).description.slice(0, 60) : e.kind === KIND_PHOTO ? it('finding.photo') : it('view.checklist')}
                    {' — '}
                    {locale === 'en' ? e.error?.en : e.error?.vi}
                  </span>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
    </Flex>
  );
}
