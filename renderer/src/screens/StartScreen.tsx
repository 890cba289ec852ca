import { useTranslation } from 'react-i18next';
import type { StartProblem } from '../bridge/start-problem.ts';

/** Before the first view: "Startar…", or, when the page cannot get one, what the technician should do. */
export function StartScreen({ problem }: { problem: StartProblem | undefined }) {
  const { t } = useTranslation();
  if (!problem) return <main className="screen loading">{t('app.loading')}</main>;
  return (
    <main className="screen start-problem" data-problem={problem}>
      <h1>{t('app.start.title')}</h1>
      <p className="hint" role="alert">
        {t(`app.start.${problem}`)}
      </p>
    </main>
  );
}
