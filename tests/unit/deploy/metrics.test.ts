import { afterEach, describe, expect, it } from 'vitest';
import { createKioskMetrics } from '../../../main/metrics/registry.ts';
import { isAuthorized, type MetricsServer, startMetricsServer } from '../../../main/metrics/server.ts';
import { silentLogger } from '../../../shared/logger.ts';

let clock = Date.parse('2026-11-28T06:00:00Z');
const now = () => clock;
let server: MetricsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Reads one sample from Prometheus text: `name{labels} value`. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(labels ? `${name}{${labels}} ` : `${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

function fedKiosk() {
  clock = Date.parse('2026-11-28T06:00:00Z');
  const k = createKioskMetrics({ version: '1.2.3', branch: 'vaxjo-1', now, processMetrics: false });
  const since = new Date(clock).toISOString();
  k.metrics.deviceStatus({ id: 'pad', kind: 'rfid' }, { state: 'connected', since });
  k.metrics.deviceStatus({ id: 'lock', kind: 'door-lock' }, { state: 'missing', reason: 'usb unplugged', since });
  k.metrics.centralConnection(true);
  k.metrics.centralRoundTrip('checkout', 0.3);
  k.metrics.centralRoundTrip('checkout', 3);
  k.metrics.queue(4, new Date(clock - 90_000));
  k.metrics.doorGranted();
  k.metrics.doorGranted();
  k.metrics.doorDenied('pin.wrong');
  k.metrics.doorDenied('card 12345678901234');
  k.metrics.doorAlarm('forced');
  k.metrics.error('sip2.timeout');
  clock += 120_000;
  return k;
}

describe('kiosk metrics', () => {
  it('exposes version, uptime, devices, central, queue, door and last error in Prometheus text', async () => {
    const text = await fedKiosk().registry.metrics();
    expect(sample(text, 'openbranch_build_info', 'version="1.2.3",branch="vaxjo-1"')).toBe(1);
    expect(sample(text, 'openbranch_uptime_seconds')).toBe(120);
    expect(sample(text, 'openbranch_device_up', 'device="pad",kind="rfid"')).toBe(1);
    expect(sample(text, 'openbranch_device_up', 'device="lock",kind="door-lock"')).toBe(0);
    expect(sample(text, 'openbranch_device_state', 'device="lock",kind="door-lock",state="missing"')).toBe(1);
    expect(sample(text, 'openbranch_central_connected')).toBe(1);
    expect(sample(text, 'openbranch_central_round_trip_seconds_bucket', 'le="0.5",command="checkout"')).toBe(1);
    expect(sample(text, 'openbranch_central_round_trip_seconds_count', 'command="checkout"')).toBe(2);
    expect(sample(text, 'openbranch_queue_pending')).toBe(4);
    expect(sample(text, 'openbranch_queue_oldest_pending_age_seconds')).toBe(210);
    expect(sample(text, 'openbranch_door_grants_total')).toBe(2);
    expect(sample(text, 'openbranch_door_denials_total', 'reason="pin.wrong"')).toBe(1);
    expect(sample(text, 'openbranch_door_alarms_total', 'kind="forced"')).toBe(1);
    expect(sample(text, 'openbranch_last_error_info', 'code="sip2.timeout"')).toBe(1);
    expect(sample(text, 'openbranch_last_error_timestamp_seconds')).toBe((clock - 120_000) / 1000);
  });

  it('exposes the night-operations series: door state, tailgating, occupancy, lock-up, paper, conflicts, staff actions, clock', async () => {
    const k = fedKiosk();
    k.metrics.doorState({ open: true, alarm: 'held-open', lockdown: true });
    k.metrics.doorTailgate(2);
    k.metrics.personPassed('in', 1);
    k.metrics.personPassed('in', 2);
    k.metrics.personPassed('out', 1);
    k.metrics.lockup('waiting');
    k.metrics.printerPaper('printer', 'out');
    k.metrics.queueConflicts(3);
    k.metrics.staffAction('unlock');
    const text = await k.registry.metrics();
    expect(sample(text, 'openbranch_door_open')).toBe(1);
    expect(sample(text, 'openbranch_door_alarm_active', 'kind="held-open"')).toBe(1);
    expect(sample(text, 'openbranch_door_alarm_active', 'kind="forced"')).toBe(0);
    expect(sample(text, 'openbranch_door_lockdown')).toBe(1);
    expect(sample(text, 'openbranch_door_tailgates_total')).toBe(1);
    expect(sample(text, 'openbranch_door_tailgate_followers_total')).toBe(2);
    expect(sample(text, 'openbranch_people_passes_total', 'direction="in"')).toBe(2);
    expect(sample(text, 'openbranch_occupancy')).toBe(1);
    expect(sample(text, 'openbranch_lockup_state', 'state="waiting"')).toBe(1);
    expect(sample(text, 'openbranch_alarm_armed')).toBe(0);
    expect(sample(text, 'openbranch_printer_paper', 'device="printer",state="out"')).toBe(1);
    expect(sample(text, 'openbranch_queue_conflicts')).toBe(3);
    expect(sample(text, 'openbranch_staff_actions_total', 'action="unlock"')).toBe(1);
    expect(sample(text, 'openbranch_time_seconds')).toBe(clock / 1000);
    expect(fedKiosk().health().door).toMatchObject({ occupancy: 0, lockdown: false, lockup: 'open' });
  });

  it('never puts free text (a card number by mistake) into a label', async () => {
    const text = await fedKiosk().registry.metrics();
    expect(text).not.toContain('12345678901234');
    expect(sample(text, 'openbranch_door_denials_total', 'reason="other"')).toBe(1);
  });

  it('health says the same as the metrics, degraded while a device is missing', () => {
    const h = fedKiosk().health();
    expect(h).toMatchObject({
      status: 'degraded',
      version: '1.2.3',
      uptimeSeconds: 120,
      central: { connected: true, lastRoundTripMs: 3000 },
      queue: { pending: 4, oldestPendingAgeSeconds: 210 },
      door: { grants: 2, denials: { 'pin.wrong': 1, other: 1 }, alarms: { forced: 1 } },
      lastError: { code: 'sip2.timeout' },
    });
    expect(h.devices.map((d) => `${d.id}:${d.state}`)).toEqual(['pad:connected', 'lock:missing']);
  });

  it('is ok when every device is connected and the central system answers', () => {
    const k = fedKiosk();
    k.metrics.deviceStatus({ id: 'lock', kind: 'door-lock' }, { state: 'connected', since: new Date(clock).toISOString() });
    expect(k.health().status).toBe('ok');
    k.metrics.centralConnection(false);
    expect(k.health().status).toBe('degraded');
  });

  it('includes Node process metrics for the soak view (RSS)', async () => {
    const k = createKioskMetrics({ version: '1', branch: 'b', processMetrics: true });
    expect(await k.registry.metrics()).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

describe('metrics endpoint', () => {
  const TOKEN = 'a-long-random-token-for-prometheus-0001';

  it('serves /metrics and /health to the token only', async () => {
    const k = fedKiosk();
    server = await startMetricsServer({ source: k, host: '127.0.0.1', port: 0, token: TOKEN, logger: silentLogger });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const res = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(sample(await res.text(), 'openbranch_queue_pending')).toBe(4);
    const health = await fetch(`${server.url}/health`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(await health.json()).toEqual(JSON.parse(JSON.stringify(k.health())));
  });

  it('serves nothing else and only GET', async () => {
    server = await startMetricsServer({ source: fedKiosk(), host: '127.0.0.1', port: 0, logger: silentLogger });
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
  });

  it('compares the bearer token exactly', () => {
    expect(isAuthorized(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isAuthorized(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(isAuthorized(TOKEN, TOKEN)).toBe(false);
    expect(isAuthorized(undefined, TOKEN)).toBe(false);
    expect(isAuthorized(undefined, undefined)).toBe(true);
  });
});
