import { type SessionData, sessionDataSchema } from '../../../shared/contract/session-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';

/** The session part of a view, checked: a malformed projection draws as empty rather than crashing the screen. */
export function sessionData(view: KioskView): SessionData {
  const parsed = sessionDataSchema.safeParse(view.data);
  return parsed.success ? parsed.data : {};
}

/** Due dates as the patron reads them: "Fri 12 Dec" / "fre 12 dec". */
export function formatDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(language === 'sv' ? 'sv-SE' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}
