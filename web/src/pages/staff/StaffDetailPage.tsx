import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '../../router';
import { useI18n } from '../../i18n';
import type { PageProps } from '../../routes';
import { StaffRecord } from './StaffRecord';
import { PersonDisciplinePanel } from '../discipline/PersonDisciplinePanel';

export default function StaffDetailPage({ params }: PageProps) {
  const { t } = useI18n();
  return (
    <>
      <Link to="/staff" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('staff.title')}
      </Link>
      <StaffRecord personId={params.id ?? ''} />
      <PersonDisciplinePanel personId={params.id ?? ''} />
    </>
  );
}
