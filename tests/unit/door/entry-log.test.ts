import { describe, expect, it } from 'vitest';
import { EntryLog } from '../../../main/door/entry-log.ts';
import { openDatabase } from '../../../main/storage/database.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-11-29T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('door entry log: who it was for staff, pruned by retention (GDPR)', () => {
  it('keeps who it was for identityDays, the attempt itself for days, and then nothing', () => {
    const log = new EntryLog(openDatabase(':memory:'));
    log.attempt(ago(1), '23000000000017', 'granted');
    log.attempt(ago(40), '23000000000025', 'denied', 'blocked');
    log.attempt(ago(400), '23000000000041', 'denied', 'under-age');
    log.alarm(ago(400), 'forced');
    log.alarm(ago(2), 'held-open');

    // Both older than 30 days lose the card key; the one older than a year goes altogether.
    expect(log.prune(NOW, { days: 365, identityDays: 30 })).toEqual({ identities: 2, entries: 1 });
    expect(log.entriesOf('23000000000017', '2024-01-01', '2026-12-31').map((r) => [r.outcome, r.reason])).toEqual([['granted', null]]);
    expect(log.entriesOf('23000000000025', '2024-01-01', '2026-12-31')).toEqual([]);
    const report = log.report('2024-01-01', '2026-12-31', () => 12);
    expect({ granted: report.granted, denied: report.denied }).toEqual({ granted: 1, denied: 1 });
    expect(report.alarms.map((a) => a.kind)).toEqual(['held-open']);
    // Pruning again changes nothing.
    expect(log.prune(NOW, { days: 365, identityDays: 30 })).toEqual({ identities: 0, entries: 0 });
  });

  it('the statistics report itself carries no card numbers', () => {
    const log = new EntryLog(openDatabase(':memory:'));
    log.attempt(ago(1), '23000000000017', 'denied', 'wrong-pin');
    expect(JSON.stringify(log.report('2026-01-01', '2026-12-31', () => 0))).not.toContain('23000000000017');
  });
});
