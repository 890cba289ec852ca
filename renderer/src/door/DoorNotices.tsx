import { useTranslation } from 'react-i18next';
import type { DoorView } from '../../../shared/contract/door-view.ts';
import { useSpokenOnce } from '../sound/useSpokenOnce.ts';

/** Night-operations notices on the door screen: please leave at closing, after a tailgate, a staff lockdown. */
export function DoorNotices({ view }: { view: DoorView }) {
  const { t } = useTranslation();
  useSpokenOnce(view.speak, view.pleaseLeave && `${view.pleaseLeave.round}`, 'door.pleaseLeave');
  useSpokenOnce(view.speak, view.tailgate && `${view.tailgate.followers}`, 'door.tailgate');
  return (
    <>
      {view.pleaseLeave && (
        <div className="notice notice-evacuation" role="alert" data-testid="door-please-leave">
          {t('door.pleaseLeave')}
        </div>
      )}
      {view.tailgate && (
        <div className="notice" role="alert" data-testid="door-tailgate">
          {t('door.tailgate')}
        </div>
      )}
      {view.lockdown && (
        <div className="notice notice-evacuation" role="alert" data-testid="door-lockdown">
          {t('door.reason.lockdown')}
        </div>
      )}
    </>
  );
}
