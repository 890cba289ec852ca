import { describe, expect, it } from 'vitest';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../../main/central/demo/data.ts';
import { TEST_OF_KIND } from '../../../main/hub/requests/device-tests.ts';
import { QUEUE_STATES } from '../../../main/queue/store.ts';
import { LOG_LEVELS, testAnswerSchema, testDoneSchema, testNextSchema, WEEKDAYS } from '../../../shared/contract/technician.ts';
import { DEVICE_KINDS, RELAY_ROLES } from '../../../shared/devices/kinds.ts';
import { DENIAL_REASONS } from '../../../shared/domain/door.ts';
import { catalogs } from '../../../shared/i18n/index.ts';

/**
 * The technician screen and the simulator panel build many keys from codes
 * (a device's test result, a queue state, a demo patron's card number).
 * Every code main can send must have its words in every language, or the
 * screen would show a code or fall back to another language.
 */
const QUEUE_REASONS = [
  'checked-out-to-other',
  'applied-untold',
  'unknown-item',
  'patron-blocked',
  'on-hold-for-other',
  'not-for-loan',
  'already-yours',
  'limit-reached',
  'not-checked-out',
  'other',
];
const PLURAL = new Set(['tags', 'digits']);

const families: Record<string, readonly string[]> = {
  'technician.deviceTest.doneCode': testDoneSchema.options,
  'technician.deviceTest.answerCode': testAnswerSchema.options.map((a) => (PLURAL.has(a) ? `${a}_other` : a)),
  'technician.deviceTest.nextCode': testNextSchema.options,
  'technician.test': Object.values(TEST_OF_KIND),
  'technician.devices.kind': DEVICE_KINDS,
  'technician.devices.state': ['connecting', 'connected', 'missing', 'error', 'closed'],
  'technician.queue.state': QUEUE_STATES,
  'technician.queue.kind': ['checkout', 'checkin', 'renew'],
  'technician.queue.reason': QUEUE_REASONS,
  'technician.queue.mode': ['online', 'offline', 'recovering'],
  'technician.denial': DENIAL_REASONS,
  'technician.logs.level': [...LOG_LEVELS, 'none'],
  'technician.schedule.day': WEEKDAYS,
  'technician.schedule.mode': ['staffed', 'unstaffed', 'closed'],
  'technician.central.health': ['online', 'degraded', 'offline'],
  'technician.report.alarm': ['forced', 'held-open', 'evacuation', 'unknown'],
  'technician.tab': ['overview', 'devices', 'central', 'queue', 'schedule', 'report', 'nightOps', 'logs'],
  'technician.nightOps.lockup': ['open', 'waiting', 'armed'],
  'technician.nightOps.actions': ['unlock', 'lockdown', 'clear'],
  'technician.central.healthHint': ['online', 'degraded', 'offline'],
  'technician.logs.filter': ['debug', 'info', 'warn', 'error'],
  'technician.report.outcome': ['granted', 'denied'],
  'technician.report.series': ['entries', 'denials', 'checkouts', 'returns', 'renewals', 'refused'],
  'technician.discover.roles': RELAY_ROLES,
  'technician.discover.bus': ['serial', 'hid'],
  'technician.warning.config': ['simulated-device', 'demo-central'],
  'simulator.contactState': ['open', 'closed', 'unknown'],
  'simulator.lockState': ['locked', 'unlocked'],
  'simulator.note.patron': DEMO_PATRONS.map((p) => p.cardNumber),
  'simulator.note.item': DEMO_ITEMS.map((i) => i.itemId),
  language: Object.keys(catalogs),
};

function lookup(catalog: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
}

describe.each(Object.keys(catalogs))('%s technician and simulator words', (language) => {
  it.each(Object.entries(families))('%s has words for every code', (prefix, codes) => {
    const missing = codes.filter(
      (code) => typeof lookup(catalogs[language as keyof typeof catalogs], [...prefix.split('.'), code]) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
