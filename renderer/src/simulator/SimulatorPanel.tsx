import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '../../../shared/contract/bridge.ts';
import type { SimulatorAction, SimulatorState } from '../../../shared/contract/simulator.ts';
import { RequestClient } from '../bridge/request-client.ts';
import { LanguagePicker } from '../tools/LanguagePicker.tsx';
import { useToolLanguage } from '../tools/useToolLanguage.ts';
import { useZoom } from '../tools/useZoom.ts';
import { CounterControls } from './CounterControls.tsx';
import { PadColumn } from './PadColumn.tsx';
import './simulator.css';

/**
 * /simulator: present demo cards, place and lift demo items, open the
 * door. It drives the same simulated devices (real bytes, real drivers)
 * the kiosk window reads from. It has its own language (the branch's by
 * default), every word from the catalogs: it does not follow a patron who
 * switches the kiosk to another language.
 */
export function SimulatorPanel({ bridge }: { bridge: KioskBridge & { onConnection?: (l: (connected: boolean) => void) => () => void } }) {
  const { t } = useTranslation();
  const client = useMemo(() => new RequestClient(bridge), [bridge]);
  const [state, setState] = useState<SimulatorState>();
  const [branchLanguage, setBranchLanguage] = useState<string>();
  const [language, setLanguage] = useToolLanguage('openbranch.simulator.language', branchLanguage);
  useZoom();
  useEffect(() => bridge.onMessage((m) => m.type === 'simulator' && setState(m.state)), [bridge]);
  useEffect(() => {
    const ask = () => void client.call('kiosk.info', {}, 5000).then((reply) => reply.ok && setBranchLanguage(reply.value.language));
    ask();
    return bridge.onConnection?.((connected) => connected && ask());
  }, [client, bridge]);
  const act = (action: SimulatorAction) => bridge.send({ type: 'simulator', action });

  if (!state || !language) return <main className="simulator">{t('app.loading')}</main>;
  if (!state.available) return <main className="simulator">{t('simulator.unavailable')}</main>;
  return (
    <main className="simulator">
      <div className="sim-head">
        <h1>{t('simulator.title')}</h1>
        <LanguagePicker label={t('simulator.language')} value={language} onChange={setLanguage} />
      </div>
      <p>{t('simulator.intro')}</p>
      <div className="sim-columns">
        <section aria-labelledby="sim-patrons">
          <h2 id="sim-patrons">{t('simulator.patrons')}</h2>
          <ul>
            {state.patrons.map((p) => (
              <li key={p.cardNumber} data-card={p.cardNumber}>
                <strong>{p.name}</strong> <code>{p.cardNumber}</code> {t('simulator.pin', { pin: p.pin })}
                <br />
                <small>{t(`simulator.note.patron.${p.cardNumber}`)}</small>
                <br />
                <button type="button" onClick={() => act({ type: 'sim.card.present', number: p.cardNumber })}>
                  {t('simulator.present')}
                </button>
                <button type="button" onClick={() => act({ type: 'sim.card.remove', number: p.cardNumber })}>
                  {t('simulator.removeCard')}
                </button>
                <button type="button" onClick={() => act({ type: 'sim.pin.enter', pin: p.pin })}>
                  {t('simulator.enterPin', { pin: p.pin })}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <PadColumn state={state} act={act} />
        <section aria-labelledby="sim-door">
          <h2 id="sim-door">{t('simulator.door')}</h2>
          {state.door && (
            <>
              <p data-testid="sim-contact">{t('simulator.contact', { state: t(`simulator.contactState.${state.door.contact}`) })}</p>
              <p data-testid="sim-lock">{t('simulator.lock', { state: t(`simulator.lockState.${state.door.lock}`) })}</p>
              {state.door.alarm && (
                <p className="sim-alarm" role="alert">
                  {t('simulator.alarm')}
                </p>
              )}
              <button type="button" onClick={() => act({ type: 'sim.door.open' })}>
                {t('simulator.open')}
              </button>
              <button type="button" onClick={() => act({ type: 'sim.door.close' })}>
                {t('simulator.close')}
              </button>
              <button type="button" onClick={() => act({ type: 'sim.door.exit' })}>
                {t('simulator.exitButton')}
              </button>
            </>
          )}
          <CounterControls state={state} act={act} />
          <h2>{t('simulator.central')}</h2>
          <button
            type="button"
            aria-pressed={state.centralOffline}
            onClick={() => act({ type: 'sim.central.offline', offline: !state.centralOffline })}
          >
            {state.centralOffline ? t('simulator.goOnline') : t('simulator.goOffline')}
          </button>
          {state.centralOffline && <p role="status">{t('simulator.offline')}</p>}
          <ClockControl clock={state.clock} act={act} />
          <h2>{t('simulator.receipt')}</h2>
          <pre className="sim-receipt" data-testid="sim-receipt">
            {state.receipt.join('\n')}
          </pre>
        </section>
      </div>
    </main>
  );
}

const EXAMPLE_TIME = '2026-11-30T06:05:00+01:00';

function ClockControl({ clock, act }: { clock: string | null; act: (a: SimulatorAction) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(clock ?? '');
  return (
    <form
      className="sim-clock"
      onSubmit={(e) => {
        e.preventDefault();
        act({ type: 'sim.clock.set', at: value || null });
      }}
    >
      <label>
        {t('simulator.clock')}{' '}
        <input
          aria-label={t('simulator.clock')}
          value={value}
          placeholder={EXAMPLE_TIME}
          title={t('simulator.clockHint', { example: EXAMPLE_TIME })}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit">{t('simulator.clockSet')}</button>
      <button type="button" onClick={() => act({ type: 'sim.clock.set', at: null })}>
        {t('simulator.clockReal')}
      </button>
      <output>{clock ?? ''}</output>
    </form>
  );
}
