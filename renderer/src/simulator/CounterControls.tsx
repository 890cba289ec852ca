import { useTranslation } from 'react-i18next';
import type { SimulatorAction, SimulatorState } from '../../../shared/contract/simulator.ts';

/** The simulated people counter: walk someone in or out through the two beams. */
export function CounterControls({ state, act }: { state: SimulatorState; act: (a: SimulatorAction) => void }) {
  const { t } = useTranslation();
  if (state.occupancy === undefined) return null;
  return (
    <>
      <h2 id="sim-counter">{t('simulator.counter')}</h2>
      <p data-testid="sim-occupancy">{t('simulator.occupancy', { count: state.occupancy })}</p>
      <button type="button" onClick={() => act({ type: 'sim.counter.walk', direction: 'in' })}>
        {t('simulator.walkIn')}
      </button>
      <button type="button" onClick={() => act({ type: 'sim.counter.walk', direction: 'out' })}>
        {t('simulator.walkOut')}
      </button>
    </>
  );
}
