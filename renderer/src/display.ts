import type { SessionPrefs } from '../../shared/contract/view.ts';

export const defaultPrefs: SessionPrefs = { textSize: 'normal', contrast: 'normal', speech: false };

/** Text size and contrast of this session: attributes on <html> that the stylesheet scales and recolours by. */
export function applyDisplay(prefs: SessionPrefs): void {
  const root = document.documentElement;
  root.dataset.textSize = prefs.textSize;
  root.dataset.contrast = prefs.contrast;
}
