import type { KeyboardEvent } from 'react';

/**
 * WAI-ARIA tabs: one tab in the Tab order, arrows (and Home/End) move
 * between them, each controls the panel with its id.
 */
export function TabBar({
  label,
  tabs,
  current,
  onSelect,
}: {
  label: string;
  tabs: ReadonlyArray<{ id: string; label: string }>;
  current: string;
  onSelect: (id: string) => void;
}) {
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current);
    const rtl = document.documentElement.dir === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -index, End: tabs.length - 1 - index };
    const delta = step[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length]!;
    onSelect(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === current}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === current ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
