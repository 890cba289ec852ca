import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestParams, RequestResult } from '../../../../../shared/contract/requests.ts';
import type { FoundDeviceView } from '../../../../../shared/contract/technician.ts';
import { RELAY_ROLES, type RelayRole } from '../../../../../shared/devices/kinds.ts';
import { useTechnician } from '../../technician-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import type { RequestError } from '../../ui/useRequest.ts';
import { useDeviceWords } from './device-words.ts';

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
/**
 * Drivers that find their device by USB vendor and product id (HID card
 * readers and keypads). The others take only their port or path: the
 * config refuses options a driver does not have.
 */
const FOUND_BY_USB_ID = new Set(['hid']);

/** "What is plugged in?" and "make it the door lock": writes the device into the config file. */
export function DiscoverPanel() {
  const { t } = useTranslation();
  const { client } = useTechnician();
  const [found, setFound] = useState<RequestResult<'devices.discover'>>();
  const [error, setError] = useState<RequestError>();
  const [saved, setSaved] = useState<string>();
  const scan = async () => {
    const reply = await client.call('devices.discover', {}, 15_000);
    if (reply.ok) setFound(reply.value);
    setError(reply.ok ? undefined : reply.error);
  };
  const assign = async (params: RequestParams<'devices.assign'>) => {
    const reply = await client.call('devices.assign', params);
    setSaved(reply.ok ? reply.value.file : undefined);
    setError(reply.ok ? undefined : reply.error);
  };
  return (
    <section className="discover" aria-labelledby="discover-title">
      <h2 id="discover-title">{t('technician.discover.title')}</h2>
      <button type="button" onClick={() => void scan()}>
        {t('technician.discover.scan')}
      </button>
      <ErrorNotice error={error} />
      {saved && <p role="status">{t('technician.discover.saved', { file: saved })}</p>}
      {found?.configFile === null && <p>{t('technician.discover.noConfig')}</p>}
      {found && found.devices.length === 0 && <p>{t('technician.discover.none')}</p>}
      {found && found.warnings.length > 0 && (
        <details>
          <summary>{t('technician.detail')}</summary>
          <code>{found.warnings.join('\n')}</code>
        </details>
      )}
      <ul className="found">
        {found?.devices.map((d) => (
          <FoundRow key={`${d.bus}:${d.path}`} device={d} onAssign={assign} />
        ))}
      </ul>
    </section>
  );
}

function FoundRow({ device, onAssign }: { device: FoundDeviceView; onAssign: (p: RequestParams<'devices.assign'>) => Promise<void> }) {
  const { t } = useTranslation();
  const words = useDeviceWords();
  const bus = device.bus;
  const kinds = (Object.keys(DRIVERS) as Kind[]).filter((k) => DRIVERS[k][bus].length > 0);
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [driver, setDriver] = useState(DRIVERS[kinds[0]!][bus][0]!);
  const [id, setId] = useState('');
  const [role, setRole] = useState<RelayRole>('lights');
  const field = (name: string) => `found-${device.path.replace(/[^a-z0-9]/gi, '-')}-${name}`;
  const submit = () =>
    onAssign({
      id,
      kind,
      driver,
      ...(bus === 'serial' ? { port: device.path } : { path: device.path }),
      ...(FOUND_BY_USB_ID.has(driver) && device.vendorId ? { vendorId: device.vendorId } : {}),
      ...(FOUND_BY_USB_ID.has(driver) && device.productId ? { productId: device.productId } : {}),
      ...(kind === 'relay-output' ? { role } : {}),
    });
  return (
    <li data-found={device.path}>
      <p>
        <strong>{t(`technician.discover.bus.${bus}`)}</strong> <code>{device.path}</code>
        {device.vendorId && ` ${device.vendorId}:${device.productId}`}
        {device.guess && ` · ${t('technician.discover.guess', { guess: device.guess })}`}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={field('kind')}>{t('technician.discover.kind')}</label>
        <select
          id={field('kind')}
          value={kind}
          onChange={(e) => {
            const k = e.target.value as Kind;
            setKind(k);
            setDriver(DRIVERS[k][bus][0]!);
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {words.kind(k)}
            </option>
          ))}
        </select>
        <label htmlFor={field('driver')}>{t('technician.discover.driver')}</label>
        <select id={field('driver')} value={driver} onChange={(e) => setDriver(e.target.value)}>
          {DRIVERS[kind][bus].map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <label htmlFor={field('id')}>{t('technician.discover.id')}</label>
        <input id={field('id')} value={id} onChange={(e) => setId(e.target.value.trim())} pattern="[a-z0-9][a-z0-9\-]*" required />
        {kind === 'relay-output' && (
          <>
            <label htmlFor={field('role')}>{t('technician.discover.role')}</label>
            <select id={field('role')} value={role} onChange={(e) => setRole(e.target.value as RelayRole)}>
              {RELAY_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`technician.discover.roles.${r}`)}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" disabled={!id}>
          {t('technician.discover.add')}
        </button>
      </form>
    </li>
  );
}
