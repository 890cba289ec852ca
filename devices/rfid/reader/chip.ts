/** Chip family from an ISO 15693 UID (E0, manufacturer code, IC type): decides EAS support. */
export function chipOfUid(uid: string): string {
  if (!uid.startsWith('E0')) return 'unknown';
  const manufacturer = uid.slice(2, 4);
  if (manufacturer === '04') return uid.slice(4, 6) === '01' ? 'icode-sli' : 'nxp';
  if (manufacturer === '07') return 'ti-tagit';
  if (manufacturer === '16') return 'em';
  if (manufacturer === '02') return 'st';
  return 'unknown';
}
