import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';

/** Connection and device status in words and symbols, never colour alone. */
export function StatusBar({ view }: { view: KioskView }) {
  const { t } = useTranslation();
  const problems = view.devices.filter((d) => d.state !== 'connected').length;
  const centralSymbol = view.central === 'online' ? '●' : view.central === 'degraded' ? '◐' : '○';
  return (
    <footer className="status-bar" role="status">
      <span className={`status status-${view.central}`} data-testid="status-central">
        <span aria-hidden="true">{centralSymbol}</span> {t('status.central')}: {t(`status.${view.central}`)}
      </span>
      <span className={`status ${problems ? 'status-offline' : 'status-online'}`} data-testid="status-devices">
        <span aria-hidden="true">{problems ? '⚠' : '✓'}</span> {t('status.devices')}:{' '}
        {problems ? t('status.devicesProblem', { count: problems }) : t('status.devicesOk')}
      </span>
      <span className="branch-name">{view.branch.name}</span>
    </footer>
  );
}
