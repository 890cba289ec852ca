import { useEffect, useRef } from 'react';
import { speakBoth } from './speak.ts';

/** Says `key` (with values) aloud once each time `token` changes to a new defined value. */
export function useSpokenOnce(
  enabled: boolean,
  token: string | undefined,
  key: string,
  values: Record<string, string | number> = {},
): void {
  const said = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (token === undefined) {
      said.current = undefined;
      return;
    }
    if (!enabled || said.current === token) return;
    said.current = token;
    speakBoth(key, values);
  });
}
