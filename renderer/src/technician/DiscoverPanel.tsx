import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestParams, RequestResult } from '../../../shared/contract/requests.ts';
import type { RequestClient } from '../bridge/request-client.ts';

type Found = Record<string, unknown> & { bus?: string; path?: string; vendorId?: string; productId?: string; guess?: string };
type Kind = RequestParams<'devices.assign'>['kind'];

/** The drivers each kind of device can use with each bus. */
const DRIVERS: Record<Kind, { serial: string[]; hid: string[] }> = {
  rfid: { serial: ['feig', '3m'], hid: [] },
  'card-reader': { serial: ['serial'], hid: ['hid'] },
  keypad: { serial: [], hid: ['hid'] },
  'door-lock': { serial: ['lcus'], hid: ['usbrelay'] },
  'relay-output': { serial: ['lcus'], hid: ['usbrelay'] },
  'door-sensor': { serial: ['modem-lines', 'input-board'], hid: [] },
  printer: { serial: ['escpos'], hid: [] },
  'people-counter': { serial: ['input-board'], hid: [] },
};

/** "What is plugged in?" and "make it the door lock": writes the device into the config file. */
export function DiscoverPanel({ client }: { client: RequestClient }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<RequestResult<'devices.discover'>>();
  const [message, setMessage] = useState<string>();
  const scan = async () => {
    const reply = await client.call('devices.discover', {}, 15_000);
    if (reply.ok) setFound(reply.value);
    else setMessage(reply.error.message);
  };
  const assign = async (params: RequestParams<'devices.assign'>) => {
    const reply = await client.call('devices.assign', params);
    setMessage(reply.ok ? t('technician.discover.saved', { file: reply.value.file }) : reply.error.message);
  };
  return (
    <section className="discover" aria-labelledby="discover-title">
      <h2 id="discover-title">{t('technician.discover.title')}</h2>
      <button type="button" onClick={() => void scan()}>
        {t('technician.discover.scan')}
      </button>
      {message && <p role="status">{message}</p>}
      {found?.configFile === null && <p>{t('technician.discover.noConfig')}</p>}
      {found && found.devices.length === 0 && <p>{t('technician.discover.none')}</p>}
      <ul>
        {(found?.devices as Found[] | undefined)?.map((d) => (
          <FoundRow key={`${d.bus}:${d.path}`} device={d} onAssign={assign} />
        ))}
      </ul>
    </section>
  );
}

function FoundRow({ device, onAssign }: { device: Found; onAssign: (p: RequestParams<'devices.assign'>) => Promise<void> }) {
  const { t } = useTranslation();
  const bus = device.bus === 'hid' ? 'hid' : 'serial';
  const kinds = (Object.keys(DRIVERS) as Kind[]).filter((k) => DRIVERS[k][bus].length > 0);
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [driver, setDriver] = useState(DRIVERS[kinds[0]!][bus][0]!);
  const [id, setId] = useState('');
  const [role, setRole] = useState('');
  const submit = () =>
    onAssign({
      id,
      kind,
      driver,
      ...(bus === 'serial' ? { port: device.path ?? '' } : { path: device.path ?? '' }),
      ...(device.vendorId ? { vendorId: device.vendorId } : {}),
      ...(device.productId ? { productId: device.productId } : {}),
      ...(kind === 'relay-output' && role ? { role } : {}),
    });
  return (
    <li data-found={device.path}>
      <code>{device.path}</code> {device.vendorId && `${device.vendorId}:${device.productId}`} {device.guess && <em>{device.guess}</em>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('technician.discover.kind')}{' '}
          <select
            value={kind}
            onChange={(e) => {
              const k = e.target.value as Kind;
              setKind(k);
              setDriver(DRIVERS[k][bus][0]!);
            }}
          >
            {kinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          {t('technician.discover.driver')}{' '}
          <select value={driver} onChange={(e) => setDriver(e.target.value)}>
            {DRIVERS[kind][bus].map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          id <input value={id} onChange={(e) => setId(e.target.value.trim())} pattern="[a-z0-9][a-z0-9\-]*" required />
        </label>
        {kind === 'relay-output' && (
          <label>
            {t('technician.discover.role')} <input value={role} onChange={(e) => setRole(e.target.value.trim())} />
          </label>
        )}
        <button type="submit" disabled={!id}>
          {t('technician.discover.add')}
        </button>
      </form>
    </li>
  );
}
