import type { SessionData } from '../../../shared/contract/session-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';
import { isRecord } from '../../../shared/domain/records.ts';
import { formatDay } from '../../../shared/i18n/format.ts';

/**
 * The session part of a view. Main builds it from typed code (the shared schema checks it in main's
 * tests, not in the page, which does not load the schema library); what is not an object draws as empty.
 */
export function sessionData(view: KioskView): SessionData {
  return isRecord(view.data) ? (view.data as SessionData) : {};
}

/** Due dates as the patron reads them, in the session's language. */
export const formatDate = (iso: string | undefined, language: string): string => formatDay(language, iso);
