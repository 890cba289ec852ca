import type { DiscoverData } from '../../../shared/contract/discover-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';
import { isRecord } from '../../../shared/domain/records.ts';

/**
 * The discover part of a view (main builds it from typed code and checks it against the shared schema in
 * its tests; the page does not load the schema library): data without a step and its lists shows the first step.
 */
export function discoverData(view: KioskView): DiscoverData | undefined {
  const d = view.data;
  const lists = isRecord(d) && isRecord(d.prefs) && isRecord(d.choices) && Array.isArray(d.likeOptions) && Array.isArray(d.matches);
  return lists && typeof d.step === 'string' ? (d as DiscoverData) : undefined;
}

/** "Deckare · ljudbok · svenska": the reasons worded and joined. */
export function explain(
  reasons: DiscoverData['matches'][number]['reasons'],
  t: (key: string, values?: Record<string, string>) => string,
): string {
  return reasons.map((r) => t(r.key, r.values)).join(' · ');
}
