import { type SessionData, sessionDataSchema } from '../../../shared/contract/session-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';
import { formatDay } from '../../../shared/i18n/index.ts';

/** The session part of a view, checked: a malformed projection draws as empty rather than crashing the screen. */
export function sessionData(view: KioskView): SessionData {
  const parsed = sessionDataSchema.safeParse(view.data);
  return parsed.success ? parsed.data : {};
}

/** Due dates as the patron reads them, in the session's language. */
export const formatDate = (iso: string | undefined, language: string): string => formatDay(language, iso);
