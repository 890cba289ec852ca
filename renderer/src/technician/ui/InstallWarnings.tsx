import { useTranslation } from 'react-i18next';
import { useRequest } from './useRequest.ts';

/** What a technician must know about this install (simulated devices outside demo mode), above every tab. */
export function InstallWarnings() {
  const { t } = useTranslation();
  const { value } = useRequest('devices.list', {});
  const warnings = value?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    <div className="install-warnings">
      {warnings.map((w) => (
        <p key={w.code} role="alert" className="tech-error" data-testid="install-warning">
          {t(`technician.warning.${w.code}`, { devices: w.devices.join(', ') })}
        </p>
      ))}
    </div>
  );
}
