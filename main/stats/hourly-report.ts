import type { HourlyReport, HourlyReportParams } from '../../shared/contract/technician.ts';
import { localTime } from '../door/schedule.ts';
import { hourStarts, localHourKey, localInstant, startOfLocalHour } from './local-hours.ts';

const HOUR = 3_600_000;

/** The door's log for a range of instants (EntryLog.between). */
export interface DoorLogSource {
  between(
    start: Date,
    end: Date,
  ): {
    attempts: ReadonlyArray<{ at: string; outcome: string; reason: string | null }>;
    alarms: ReadonlyArray<{ at: string; kind: string }>;
  };
}

/** Transactions counted per local hour (TransactionStats.between). */
export interface TransactionCountSource {
  between(fromHour: string, toHour: string): ReadonlyArray<{ hour: string; kind: string; outcome: string; count: number }>;
}

type Counts = HourlyReport['totals'];
const zero = (): Counts => ({ entries: 0, denials: 0, checkouts: 0, returns: 0, renewals: 0, refused: 0 });
const KIND_COLUMN: Readonly<Record<string, keyof Counts>> = { checkout: 'checkouts', checkin: 'returns', renew: 'renewals' };

/** [start, end) of the period: a whole local day, or the 24 local hours up to the end of the current one. */
export function periodRange(period: HourlyReportParams, timeZone: string, now: Date): { start: Date; end: Date } {
  if (period.period === 'last-24h') {
    const end = new Date(startOfLocalHour(now, timeZone).getTime() + HOUR);
    return { start: new Date(end.getTime() - 24 * HOUR), end };
  }
  const start = localInstant(period.date, 0, timeZone);
  // The next local midnight: 23 to 25 hours later.
  const next = new Date(start.getTime() + 36 * HOUR);
  return { start, end: localInstant(localTime(next, timeZone).date, 0, timeZone) };
}

/**
 * The morning report: door entries, denials and loans/returns/renewals per
 * local hour, denials by reason and the alarms of the period. Door rows
 * carry UTC instants and go to the hour they fall in; transactions are
 * counted by local hour already, and a local hour that DST repeats is
 * counted once, in its first occurrence.
 */
export function hourlyReport(
  period: HourlyReportParams,
  o: { timeZone: string; now: Date; door: DoorLogSource; transactions: TransactionCountSource },
): Omit<HourlyReport, 'tailgates' | 'staffActions'> {
  const { start, end } = periodRange(period, o.timeZone, o.now);
  const starts = hourStarts(start, end);
  const hours = starts.map((s) => ({ start: s.toISOString(), hour: Math.floor(localTime(s, o.timeZone).minute / 60), ...zero() }));
  const bucketOf = (iso: string) => hours[Math.floor((Date.parse(iso) - start.getTime()) / HOUR)];

  const { attempts, alarms } = o.door.between(start, end);
  const reasons = new Map<string, number>();
  for (const a of attempts) {
    const bucket = bucketOf(a.at);
    if (!bucket) continue;
    if (a.outcome === 'granted') bucket.entries++;
    else {
      bucket.denials++;
      const reason = a.reason ?? 'error';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }

  const keys = starts.map((s) => localHourKey(s, o.timeZone));
  const firstBucketOfKey = new Map<string, (typeof hours)[number]>();
  keys.forEach((k, i) => {
    if (!firstBucketOfKey.has(k)) firstBucketOfKey.set(k, hours[i]!);
  });
  const sorted = [...keys].sort();
  for (const row of o.transactions.between(sorted[0] ?? '', sorted.at(-1) ?? '')) {
    const bucket = firstBucketOfKey.get(row.hour);
    if (!bucket) continue;
    const column = row.outcome === 'ok' ? KIND_COLUMN[row.kind] : 'refused';
    if (column) bucket[column] += row.count;
  }

  const totals = zero();
  for (const h of hours) for (const k of Object.keys(totals) as Array<keyof Counts>) totals[k] += h[k];
  return {
    timezone: o.timeZone,
    start: start.toISOString(),
    end: end.toISOString(),
    hours,
    totals,
    denialsByReason: [...reasons.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    alarms: [...alarms],
  };
}
