import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiEvent } from '../../../shared/contract/ui-events.ts';
import { useKiosk } from '../kiosk-context.tsx';

/** A button that sends one event to main. */
export function EventButton({
  event,
  kind,
  children,
  disabled,
}: {
  event: UiEvent;
  kind: 'primary' | 'secondary';
  children: ReactNode;
  disabled?: boolean;
}) {
  const { send } = useKiosk();
  return (
    <button type="button" className={kind} disabled={disabled ?? false} onClick={() => send(event)}>
      {children}
    </button>
  );
}

/** "Klar": every step of "Tips för mig" ends the same way. */
export function DoneButton() {
  const { t } = useTranslation();
  return (
    <EventButton kind="primary" event={{ type: 'discover.done' }}>
      {t('discover.done')}
    </EventButton>
  );
}
