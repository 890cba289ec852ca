/** The hold-shelf label for a waiting patron, per the branch's privacy policy. */
export function holdLabel(policy: 'card-last4' | 'initials' | 'name', card: string | undefined, name: string | undefined): string {
  if (policy === 'name' && name) return name;
  if (policy === 'initials' && name) {
    return name
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => `${w[0]!.toUpperCase()}.`)
      .join(' ');
  }
  return card ? `…${card.slice(-4)}` : '?';
}
