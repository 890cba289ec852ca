import type { ReactNode } from 'react';

export interface Action {
  readonly label: string;
  readonly onClick: () => void;
  /** The main way on: the biggest, filled button. */
  readonly primary?: boolean;
  readonly disabled?: boolean;
}

/**
 * The buttons that lead off a screen ("Klar", "Avsluta", "Tillbaka"), along
 * the bottom, full width and tall: the way out is never the smallest thing
 * on the screen.
 */
export function ActionBar({ actions, children }: { actions: readonly Action[]; children?: ReactNode }) {
  return (
    <div className="action-bar">
      {children}
      {actions.map((a) => (
        <button key={a.label} type="button" className={a.primary ? 'primary' : 'secondary'} disabled={a.disabled} onClick={a.onClick}>
          {a.label}
        </button>
      ))}
    </div>
  );
}
