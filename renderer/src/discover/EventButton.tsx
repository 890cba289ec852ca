import type { ReactNode } from 'react';
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
