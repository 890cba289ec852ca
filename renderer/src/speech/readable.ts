/**
 * What a screen says, read from the page the patron sees, so speech and
 * screen can never disagree. Pure DOM reading, no speaking: tested in
 * happy-dom. Skipped: anything aria-hidden (symbols that only repeat a
 * word), and [data-speak="skip"]. An aria-label stands for its element (the
 * PIN dots read "3 siffror inslagna", never the digits).
 */
const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'LI',
  'BUTTON',
  'OUTPUT',
  'LABEL',
  'DIV',
  'SECTION',
  'MAIN',
  'HEADER',
  'NAV',
  'FIELDSET',
  'UL',
]);
/** The parts of an item line are spans laid out as lines: each is a sentence of its own. */
const isBlock = (el: HTMLElement) => BLOCKS.has(el.tagName) || /(^|\s)(item-|route)/.test(String(el.className));

export function readable(node: Node): string {
  return readParts(node)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .map((p) => (/[.!?…:]$/.test(p) ? p : `${p}.`))
    .join(' ');
}

function readParts(node: Node): string[] {
  if (node.nodeType === Node.TEXT_NODE) return [node.textContent ?? ''];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const el = node as HTMLElement;
  if (el.getAttribute('aria-hidden') === 'true' || el.dataset.speak === 'skip' || el.hidden) return [];
  const label = el.getAttribute('aria-label');
  if (label && !['NAV', 'FIELDSET', 'UL', 'MAIN', 'SECTION'].includes(el.tagName)) return [label];
  const parts: string[] = [];
  let inline = '';
  for (const child of el.childNodes) {
    const childParts = readParts(child);
    if (child.nodeType === Node.ELEMENT_NODE && isBlock(child as HTMLElement)) {
      if (inline.trim()) parts.push(inline);
      inline = '';
      parts.push(...childParts);
    } else {
      inline += childParts.join(' ');
    }
  }
  if (inline.trim()) parts.push(inline);
  return parts;
}

/** The controls a keys-only patron moves between, in the fixed order they are announced: the screen's own, then the top bar's. */
export function controls(root: ParentNode): HTMLElement[] {
  const dialog = root.querySelector<HTMLElement>('[role="alertdialog"], [role="dialog"]');
  const scope: ParentNode = dialog ?? root;
  const all = [...scope.querySelectorAll<HTMLElement>('button, [href], input, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.getAttribute('aria-hidden') !== 'true' && !el.closest('[aria-hidden="true"]'),
  );
  if (dialog) return all;
  const inBar = (el: HTMLElement) => el.closest('header') !== null;
  return [...all.filter((el) => !inBar(el)), ...all.filter(inBar)];
}

/** A control's name as said aloud: its label, else its text. */
export function nameOf(el: HTMLElement): string {
  return el.getAttribute('aria-label') ?? readable(el).replace(/\.$/, '');
}
