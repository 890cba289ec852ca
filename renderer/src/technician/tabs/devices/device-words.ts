import { useTranslation } from 'react-i18next';

/** Device kinds, states and the simulated driver in the technician's words; other driver names are product names. */
export function useDeviceWords() {
  const { t } = useTranslation();
  return {
    kind: (kind: string) => t(`technician.devices.kind.${kind}`, { defaultValue: kind }),
    state: (state: string) => t(`technician.devices.state.${state}`, { defaultValue: state }),
    driver: (driver: string) => (driver === 'simulated' ? t('technician.devices.simulated') : driver),
  };
}
