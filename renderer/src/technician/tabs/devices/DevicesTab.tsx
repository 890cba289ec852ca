import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRow, DeviceTestResult } from '../../../../../shared/contract/technician.ts';
import { useTechnician } from '../../technician-context.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { Toolbar } from '../../ui/Toolbar.tsx';
import type { RequestError } from '../../ui/useRequest.ts';
import { useRequest } from '../../ui/useRequest.ts';
import { DeviceTestCard } from './DeviceTestCard.tsx';
import { DiscoverPanel } from './DiscoverPanel.tsx';
import { useDeviceWords } from './device-words.ts';

/** A card or keypad test waits this long in main; the screen waits a little longer for the answer. */
const TEST_TIMEOUT_MS = 30_000;

export type TestRun = { readonly device: DeviceRow } & (
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly result: DeviceTestResult }
  | { readonly state: 'error'; readonly error: RequestError }
);

/** Each configured device, its status, a test button each with a clear result, and "find connected devices". */
export function DevicesTab() {
  const { t } = useTranslation();
  const { client, format } = useTechnician();
  const words = useDeviceWords();
  const list = useRequest('devices.list', {});
  const [runs, setRuns] = useState<Record<string, TestRun>>({});
  const [order, setOrder] = useState<string[]>([]);

  const runTest = async (device: DeviceRow) => {
    if (!device.test) return;
    setOrder((o) => [device.id, ...o.filter((id) => id !== device.id)]);
    setRuns((r) => ({ ...r, [device.id]: { device, state: 'running' } }));
    const reply = await client.call('devices.test', { id: device.id, action: device.test }, TEST_TIMEOUT_MS);
    setRuns((r) => ({
      ...r,
      [device.id]: reply.ok ? { device, state: 'done', result: reply.value } : { device, state: 'error', error: reply.error },
    }));
    await list.reload();
  };

  const columns: Column<DeviceRow>[] = [
    { id: 'id', header: t('technician.devices.column.id'), cell: (d) => <strong>{d.id}</strong>, sortValue: (d) => d.id },
    { id: 'kind', header: t('technician.devices.column.kind'), cell: (d) => words.kind(d.kind), sortValue: (d) => words.kind(d.kind) },
    { id: 'driver', header: t('technician.devices.column.driver'), cell: (d) => words.driver(d.driver) },
    { id: 'port', header: t('technician.devices.column.port'), cell: (d) => (d.port ? <code>{d.port}</code> : '–'), className: 'wide' },
    {
      id: 'state',
      header: t('technician.devices.column.state'),
      sortValue: (d) => words.state(d.state),
      cell: (d) => (
        <>
          <span className={`badge state-${d.state}`}>{words.state(d.state)}</span>
          {d.since && (
            <span className="muted">
              {' '}
              {t('technician.devices.column.since').toLowerCase()} {format.dateTime(d.since)}
            </span>
          )}
          {d.reason && (
            <details>
              <summary>{t('technician.detail')}</summary>
              <code>{d.reason}</code>
            </details>
          )}
        </>
      ),
    },
    {
      id: 'test',
      header: t('technician.devices.column.test'),
      cell: (d) =>
        d.test && (
          <button type="button" disabled={runs[d.id]?.state === 'running'} onClick={() => void runTest(d)}>
            {runs[d.id]?.state === 'running' ? t('technician.test.running') : t(`technician.test.${d.test}`)}
          </button>
        ),
    },
  ];

  return (
    <>
      <Toolbar onRefresh={list.reload} error={list.error} />
      {list.value && (
        <DataTable
          caption={t('technician.devices.title')}
          columns={columns}
          rows={list.value.devices}
          rowKey={(d) => d.id}
          rowProps={(d) => ({ 'data-device': d.id, 'data-state': d.state })}
        />
      )}
      <div className="test-results">{order.map((id) => runs[id] && <DeviceTestCard key={id} run={runs[id]} />)}</div>
      <DiscoverPanel />
    </>
  );
}
