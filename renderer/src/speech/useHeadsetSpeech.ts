import { useEffect, useRef } from 'react';

const HEADSET = /head(set|phone)|hörlur|kuuloke|earphone/i;

/** Audio outputs that look like a headset, by the names the platform gives them (none without a media permission). */
export function headsets(devices: readonly MediaDeviceInfo[]): string[] {
  return devices.filter((d) => d.kind === 'audiooutput' && HEADSET.test(d.label)).map((d) => d.deviceId || d.label);
}

/**
 * A headset plugged in turns speech on, and taken out turns it off, where
 * the platform reports it: the browser's devicechange with named audio
 * outputs (Electron grants the kiosk page that). Elsewhere the * key does it.
 */
export function useHeadsetSpeech(setSpeech: (on: boolean) => void): void {
  const known = useRef<string[] | undefined>(undefined);
  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return;
    const check = async () => {
      const now = headsets(await media.enumerateDevices());
      const before = known.current;
      known.current = now;
      if (before === undefined) return;
      if (now.some((h) => !before.includes(h))) setSpeech(true);
      else if (now.length === 0 && before.length > 0) setSpeech(false);
    };
    void check();
    media.addEventListener('devicechange', check);
    return () => media.removeEventListener('devicechange', check);
  }, [setSpeech]);
}
