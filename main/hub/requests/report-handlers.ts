import type { HourlyReportParams } from '../../../shared/contract/technician.ts';
import type { EntryLog } from '../../door/entry-log.ts';
import type { OpsLog } from '../../door/ops-log.ts';
import { hourlyReport, periodRange, type TransactionCountSource } from '../../stats/hourly-report.ts';
import type { RequestHandlers } from '../request-router.ts';
import { tailgateRows } from './door-ops-handlers.ts';

/** The newest attempts a list shows (a busy branch has a few hundred a day). */
const MAX_ATTEMPTS = 1000;

/**
 * report.hours (the morning report's charts) and report.entries (the
 * door's attempts, or one card's: "who was it?"). Audit times are
 * the real clock's, so "now" is too.
 */
export function reportHandlers(o: {
  readonly entryLog: EntryLog;
  readonly transactions: TransactionCountSource;
  readonly timeZone: string;
  readonly identityDays: number;
  /** Tailgates and on-call staff actions (night operations), when the install keeps them. */
  readonly ops?: OpsLog;
  readonly now?: () => Date;
}): Pick<RequestHandlers, 'report.hours' | 'report.entries'> {
  const now = o.now ?? (() => new Date());
  return {
    'report.hours': async (period: HourlyReportParams) => {
      const report = hourlyReport(period, { timeZone: o.timeZone, now: now(), door: o.entryLog, transactions: o.transactions });
      // The ops log is asked by UTC days; keep what falls in the report's instants.
      const [fromDay, toDay] = [report.start.slice(0, 10), report.end.slice(0, 10)];
      const inRange = (r: { at: string }) => r.at >= report.start && r.at < report.end;
      return {
        ...report,
        tailgates: o.ops ? tailgateRows(o.ops, fromDay, toDay).filter(inRange) : [],
        staffActions: o.ops ? o.ops.staffActions(fromDay, toDay).filter(inRange) : [],
      };
    },
    'report.entries': async ({ card, ...period }: HourlyReportParams & { card?: string | undefined }) => {
      const { start, end } = periodRange(period, o.timeZone, now());
      const { attempts } = o.entryLog.between(start, end, { card });
      return { identityDays: o.identityDays, attempts: attempts.slice(-MAX_ATTEMPTS).reverse() };
    },
  };
}
