/** The mark on a chosen button; hidden from screen readers, which hear aria-pressed instead. */
export function Tick() {
  return (
    <span aria-hidden="true" className="tick">
      ✓{' '}
    </span>
  );
}
