import { useEffect, useRef } from 'react';
import type { KioskView } from '../../../shared/contract/view.ts';
import { cuesFor } from './cues.ts';
import { playCue } from './player.ts';

/** Plays the cues each new view deserves, unless the branch turned sounds off. */
export function useSoundCues(view: KioskView | undefined): void {
  const before = useRef<KioskView | undefined>(undefined);
  useEffect(() => {
    if (!view) return;
    const cues = cuesFor(before.current, view);
    before.current = view;
    if (!view.sounds) return;
    // One cue per change: a stack of ten loans is one chime, the worst outcome first.
    const worst = cues.includes('refused') ? 'refused' : cues.includes('attention') ? 'attention' : cues[0];
    if (worst) playCue(worst);
  }, [view]);
}
