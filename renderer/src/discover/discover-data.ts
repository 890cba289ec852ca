import { type DiscoverData, discoverDataSchema } from '../../../shared/contract/discover-view.ts';
import type { KioskView } from '../../../shared/contract/view.ts';

/** The discover part of a view, checked: a malformed projection shows the first step rather than crashing. */
export function discoverData(view: KioskView): DiscoverData | undefined {
  const parsed = discoverDataSchema.safeParse(view.data);
  return parsed.success ? parsed.data : undefined;
}

/** "Deckare · ljudbok · svenska": the reasons worded and joined. */
export function explain(
  reasons: DiscoverData['matches'][number]['reasons'],
  t: (key: string, values?: Record<string, string>) => string,
): string {
  return reasons.map((r) => t(r.key, r.values)).join(' · ');
}
