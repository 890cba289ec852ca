import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestResult } from '../../../shared/contract/requests.ts';
import type { RequestClient } from '../bridge/request-client.ts';

type Row = RequestResult<'devices.list'>['devices'][number];
type Warning = NonNullable<RequestResult<'devices.list'>['warnings']>[number];
const TESTS: Record<string, 'pulse' | 'print' | 'read'> = { 'door-lock': 'pulse', printer: 'print', rfid: 'read', 'card-reader': 'read' };

/** Each configured device, its status, and a test button for what it does. */
export function DevicesTab({ client }: { client: RequestClient }) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<Row[]>([]);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [results, setResults] = useState<Record<string, string>>({});
  const load = useCallback(async () => {
    const reply = await client.call('devices.list', {});
    if (reply.ok) {
      setDevices(reply.value.devices);
      setWarnings(reply.value.warnings ?? []);
    }
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);
  const test = async (id: string, action: 'pulse' | 'print' | 'read') => {
    const reply = await client.call('devices.test', { id, action }, 30_000);
    setResults((r) => ({ ...r, [id]: reply.ok ? reply.value.detail : reply.error.message }));
    await load();
  };
  return (
    <>
      {warnings.map((w) => (
        <p key={w.code} role="alert" className="notice" data-testid="install-warning">
          {t(`technician.warning.${w.code}`, { devices: w.devices.join(', ') })}
        </p>
      ))}
      <table className="data-table">
        <caption>{t('technician.tab.devices')}</caption>
        <thead>
          <tr>
            <th scope="col">id</th>
            <th scope="col">kind</th>
            <th scope="col">driver</th>
            <th scope="col">port</th>
            <th scope="col">state</th>
            <th scope="col">test</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => {
            const action = TESTS[d.kind];
            return (
              <tr key={d.id} data-device={d.id}>
                <td>{d.id}</td>
                <td>{d.kind}</td>
                <td>{d.driver}</td>
                <td>{d.port ?? ''}</td>
                <td>
                  {d.state}
                  {d.reason ? ` (${d.reason})` : ''}
                </td>
                <td>
                  {action && (
                    <button type="button" onClick={() => void test(d.id, action)}>
                      {t(`technician.test.${action}`)}
                    </button>
                  )}
                  <output>{results[d.id] ?? ''}</output>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
