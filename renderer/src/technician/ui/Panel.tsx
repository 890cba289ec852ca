import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useTechnician } from '../technician-context.tsx';

/**
 * One box on the overview: a heading, a state (ok, warn, bad: shown in
 * words and a mark, never colour alone), a few lines, and a way to the
 * tab with the details.
 */
export function Panel({
  title,
  tone,
  tab,
  children,
}: {
  title: string;
  tone: 'ok' | 'warn' | 'bad' | 'info';
  tab?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { openTab } = useTechnician();
  const id = useId();
  return (
    <section className={`panel tone-${tone}`} aria-labelledby={id}>
      <h2 id={id}>
        <span aria-hidden="true" className="tone-mark">
          {tone === 'ok' ? '✔' : tone === 'info' ? 'ℹ' : '!'}
        </span>{' '}
        {title}
      </h2>
      {children}
      {tab && (
        <button type="button" className="link" onClick={() => openTab(tab)}>
          {t('technician.overview.open', { tab: t(`technician.tab.${tab}`) })}
        </button>
      )}
    </section>
  );
}
