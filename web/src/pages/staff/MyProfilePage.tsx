import { Result } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { useMe } from '../../session';
import { StaffRecord } from './StaffRecord';

/** "Hồ sơ của tôi": a staff member's own record (self access; no staff.read needed). */
export default function MyProfilePage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('me.title')} />
      {me.personId ? (
        <StaffRecord personId={me.personId} />
      ) : (
        <Result status="info" title={t('me.noRecord')} data-testid="me-no-record" />
      )}
    </>
  );
}
