import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulatorAction, SimulatorState } from '../../../shared/contract/simulator.ts';

/** Demo items to place, and the tags now on the simulated pad. */
export function PadColumn({ state, act }: { state: SimulatorState; act: (a: SimulatorAction) => void }) {
  const { t } = useTranslation();
  const [barcode, setBarcode] = useState('');
  return (
    <section aria-labelledby="sim-items">
      <h2 id="sim-items">{t('simulator.items')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (barcode.trim()) act({ type: 'sim.item.placeAll', itemId: barcode.trim() });
        }}
      >
        <label>
          {t('simulator.otherBarcode')} <input value={barcode} onChange={(e) => setBarcode(e.target.value)} inputMode="numeric" />
        </label>{' '}
        <button type="submit">{t('simulator.place')}</button>
      </form>
      <ul>
        {state.items.map((item) => (
          <li key={item.itemId} data-item={item.itemId}>
            <strong>{item.title}</strong> <code>{item.itemId}</code> {t('simulator.owner', { branch: item.owner })}
            <br />
            <small>{t(`simulator.note.item.${item.itemId}`)}</small>
            <br />
            <button type="button" onClick={() => act({ type: 'sim.item.placeAll', itemId: item.itemId })}>
              {t('simulator.place')}
            </button>
            {item.parts > 1 &&
              Array.from({ length: item.parts }, (_, i) => i + 1).map((part) => (
                <button key={part} type="button" onClick={() => act({ type: 'sim.item.place', itemId: item.itemId, part })}>
                  {t('simulator.placePart', { part })}
                </button>
              ))}
          </li>
        ))}
      </ul>
      <h2>{t('simulator.pad')}</h2>
      {state.pad.length === 0 && <p>{t('simulator.empty')}</p>}
      <ul data-testid="sim-pad">
        {state.pad.map((tag) => (
          <li key={tag.uid} data-secured={tag.secured}>
            <code>{tag.itemId}</code> {tag.parts > 1 ? t('simulator.part', { part: tag.part, parts: tag.parts }) : ''} —{' '}
            {tag.secured ? t('simulator.secured') : t('simulator.released')}
            <button type="button" onClick={() => act({ type: 'sim.item.lift', uid: tag.uid })}>
              {t('simulator.lift')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => act({ type: 'sim.pad.clear' })}>
        {t('simulator.clear')}
      </button>
    </section>
  );
}
