import { useTranslation } from 'react-i18next';
import type { DoorView } from '../../../shared/contract/door-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';
import { ContactLine } from '../components/ContactLine.tsx';
import { formatPeriod, formatWhen } from './door-time.ts';

/**
 * What a patron who cannot get in now can do instead: when the branch
 * opens again, when staff are there, how to reach the library.
 */
export function DoorHours({ view, branch, language }: { view: DoorView; branch: KioskView['branch'] | undefined; language: string }) {
  const tz = branch?.timeZone;
  const { t } = useTranslation();
  const staffedNow = view.mode === 'staffed';
  return (
    <div className="door-hours" data-testid="door-hours">
      {view.mode === 'closed' && view.nextChange && (
        <p data-testid="door-opens">{t('door.opensAt', { when: formatWhen(view.nextChange.at, language, tz) })}</p>
      )}
      {staffedNow ? (
        <p>{t('door.staffedNow')}</p>
      ) : (
        view.nextStaffed && (
          <p data-testid="door-staffed">
            {t('door.staffedAt', { when: formatPeriod(view.nextStaffed.from, view.nextStaffed.to, language, tz) })}
          </p>
        )
      )}
      <ContactLine contact={branch?.contact} />
    </div>
  );
}
