import { expect, type Page, test } from '@playwright/test';
import { hashPin } from '../../main/security/pin.ts';
import { doorPages, enter, setClock } from './door-pages.ts';
import { type KioskProcess, startKioskProcess } from './kiosk-process.ts';
import { type RunningPrometheus, startPrometheus } from './prometheus.ts';

/**
 * Unstaffed nights on the embedded default's devices (simulated door
 * contact and people counter, demo central system): tailgating seen on the
 * technician screen and in /metrics, and a closing with someone inside
 * that does not arm the alarm and fires the shipped alert in a real
 * Prometheus scraping the kiosk.
 */
let kiosk: KioskProcess | undefined;
let prometheus: RunningPrometheus | undefined;
test.afterEach(async () => {
  await prometheus?.stop();
  await kiosk?.stop();
  prometheus = undefined;
  kiosk = undefined;
});

const ANNA = '23000000000017';
const TECHNICIAN_PIN = '246810';
// A Monday in winter time (UTC+1): unstaffed 06:00-22:00.
const at = (hhmm: string) => `2026-11-30T${hhmm}:00+01:00`;

async function startNightKiosk(config: Record<string, unknown> = {}): Promise<{ kiosk: KioskProcess; metrics: string }> {
  const k = await startKioskProcess({
    config: { demo: true, metrics: { port: 0 }, technician: { pinHash: await hashPin(TECHNICIAN_PIN) }, ...config },
  });
  kiosk = k;
  // The kiosk's URL comes first (before the core is loaded); the metrics line once the core is up.
  const metricsLine = () => /^OpenBranch metrics: (http:\/\/\S+)$/m.exec(k.output())?.[1];
  await expect.poll(metricsLine, { timeout: 30_000, message: 'the metrics line' }).toBeTruthy();
  return { kiosk: k, metrics: metricsLine()! };
}

async function enterAndWelcome(door: Page, card: string, pin: string) {
  await enter(door, card, pin);
  await expect(door.getByRole('heading', { name: /Välkommen! Dörren är öppen./ })).toBeVisible();
}

/** The door opens, `people` walk through the counter's beams, the door shuts. */
async function walkIn(sim: Page, people: number) {
  await sim.bringToFront();
  await sim.getByRole('button', { name: 'Öppna dörren' }).click();
  for (let i = 0; i < people; i++) await sim.getByRole('button', { name: 'En person går in' }).click();
  await sim.getByRole('button', { name: 'Stäng dörren' }).click();
}

const sample = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

test('one grant followed by three entries is a tailgate on the technician screen and in /metrics', async ({ page }, info) => {
  const { kiosk: k, metrics } = await startNightKiosk();
  const { door, sim } = await doorPages(page, k);
  await setClock(sim, at('07:00'));
  await enterAndWelcome(door, ANNA, '1234');
  await walkIn(sim, 3);
  await expect(sim.getByTestId('sim-occupancy')).toHaveText('Inne: 3');
  // The door screen asks the patron not to let others in (policy: warn).
  await door.bringToFront();
  await expect(door.getByTestId('door-tailgate')).toHaveText('Släpp inte in någon på ditt kort. Alla som går in ska visa sitt eget kort.', {
    timeout: 15_000,
  });

  await expect.poll(async () => sample(await (await fetch(`${metrics}`)).text(), 'openbranch_door_tailgates_total')).toBe(1);
  const text = await (await fetch(metrics)).text();
  expect(sample(text, 'openbranch_door_tailgate_followers_total')).toBe(2);
  expect(sample(text, 'openbranch_occupancy')).toBe(3);
  expect(text).not.toContain(ANNA);

  const tech = await page.context().newPage();
  await tech.goto(k.url.replace('/?', '/technician?'));
  for (const d of TECHNICIAN_PIN) await tech.getByRole('button', { name: `Siffra ${d}` }).click();
  await tech.getByRole('button', { name: 'OK' }).click();
  await tech.getByRole('tab', { name: 'Dörr och närvaro' }).click();
  await expect(tech.getByTestId('occupancy')).toHaveText('3 personer inne just nu');
  const row = tech.getByTestId('tailgates').getByRole('row').nth(1);
  await expect(row.getByRole('cell').nth(1)).toHaveText('2');
  // The card as the entry log keys it, never the number.
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^#[0-9a-f]{8}$/);
  await expect(tech.getByTestId('tailgates')).not.toContainText(ANNA);
  await tech.screenshot({ path: info.outputPath('technician-night-ops.png') });
  // The morning report lists it too: its last 24 hours hold the record's real time, not the simulated clock's.
  await tech.getByRole('tab', { name: 'Morgonrapport' }).click();
  await expect(tech.getByRole('table', { name: 'Smitare (fler gick in än som släpptes in)' })).toContainText('2');
});

test('closing with one person inside: the alarm is not armed and the shipped alert fires in a real Prometheus', async ({ page }, info) => {
  test.setTimeout(120_000);
  const { kiosk: k, metrics } = await startNightKiosk({
    devices: [
      { id: 'card', kind: 'card-reader', driver: 'simulated' },
      { id: 'door-lock', kind: 'door-lock', driver: 'simulated' },
      { id: 'door-contact', kind: 'door-sensor', driver: 'simulated' },
      { id: 'counter', kind: 'people-counter', driver: 'simulated' },
      { id: 'alarm-arm', kind: 'relay-output', driver: 'simulated', role: 'alarm-arm' },
    ],
  });
  const { door, sim } = await doorPages(page, k);
  await setClock(sim, at('21:50'));
  await enterAndWelcome(door, ANNA, '1234');
  await walkIn(sim, 1);
  await expect(sim.getByTestId('sim-occupancy')).toHaveText('Inne: 1');

  prometheus = await startPrometheus(new URL(metrics).host);
  await setClock(sim, at('22:00'));
  await door.bringToFront();
  await expect(door.getByTestId('door-please-leave')).toHaveText('Biblioteket har stängt. Gå mot utgången nu, tack.', { timeout: 15_000 });
  const text = await (await fetch(metrics)).text();
  expect(sample(text, 'openbranch_alarm_armed')).toBe(0);
  expect(text).toMatch(/^openbranch_lockup_state\{state="waiting"\} 1$/m);

  const p = prometheus;
  await expect
    .poll(async () => (await p.alerts()).find((a) => a.labels.alertname === 'OpenBranchOccupiedAtClosing')?.state, { timeout: 60_000 })
    .toBe('firing');
  await door.screenshot({ path: info.outputPath('door-please-leave.png') });

  // The last person leaves: the alarm is armed and the alert resolves.
  await sim.bringToFront();
  await sim.getByRole('button', { name: 'En person går ut' }).click();
  await expect.poll(async () => sample(await (await fetch(metrics)).text(), 'openbranch_alarm_armed'), { timeout: 20_000 }).toBe(1);
  await expect
    .poll(async () => (await p.alerts()).some((a) => a.labels.alertname === 'OpenBranchOccupiedAtClosing'), { timeout: 60_000 })
    .toBe(false);
});
