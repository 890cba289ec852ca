import type { ItemLine } from '../../../shared/contract/session-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';

/** success: an item went through; refused: it did not, or the patron was refused; attention: look at the screen. */
export type Cue = 'success' | 'refused' | 'attention';

const lineCue: Partial<Record<ItemLine['status'], Cue>> = {
  done: 'success',
  refused: 'refused',
  'see-staff': 'attention',
  incomplete: 'attention',
};

const linesOf = (view: KioskView | undefined): readonly ItemLine[] =>
  ((view?.data as { items?: ItemLine[] } | undefined)?.items ?? []) as readonly ItemLine[];
const errorOf = (view: KioskView | undefined): string | undefined => (view?.data as { error?: string } | undefined)?.error;

/**
 * The sound cues one view change deserves, by comparing it with the one
 * before: each item line that reached an outcome, a new refusal or error,
 * the idle warning appearing. Pure, so it is tested without a speaker.
 */
export function cuesFor(before: KioskView | undefined, after: KioskView): Cue[] {
  const cues: Cue[] = [];
  const previous = new Map(linesOf(before).map((l) => [l.key, l.status]));
  for (const line of linesOf(after)) {
    const cue = lineCue[line.status];
    if (cue && previous.get(line.key) !== line.status) cues.push(cue);
  }
  const error = errorOf(after);
  if (error !== undefined && (error !== errorOf(before) || after.screen !== before?.screen)) cues.push('refused');
  if (after.idleSecondsLeft !== undefined && before?.idleSecondsLeft === undefined) cues.push('attention');
  return cues;
}
