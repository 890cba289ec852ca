import type { UsageType } from '../../../shared/devices/rfid.ts';

/**
 * ISO 28560-1 "type of usage": a class nibble (0 acquisition, 1 circulating,
 * 2 not for circulation, 7 discarded, 8 patron card, ...) and, in part 2, a
 * sub-qualifier nibble. The flows only need the coarse meaning.
 */
export function usageOfClass(usageClass: number): UsageType {
  if (usageClass <= 2) return 'item';
  if (usageClass === 7) return 'discarded';
  if (usageClass === 8) return 'patron-card';
  return 'other';
}

export function classOfUsage(usage: UsageType): number {
  switch (usage) {
    case 'item':
      return 1;
    case 'discarded':
      return 7;
    case 'patron-card':
      return 8;
    default:
      return 3;
  }
}
