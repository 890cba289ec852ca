import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import type { TestRun } from './DevicesTab.tsx';
import { useDeviceWords } from './device-words.ts';

/** What the technician does while a test waits for them. */
const WAIT_HINTS: Readonly<Record<string, string>> = { 'read-card': 'waitCard', 'read-keypad': 'waitKeypad', 'count-pass': 'waitPass' };

/** One device test's outcome: what was done, what came back, what to check next (or what to do while it waits). */
export function DeviceTestCard({ run }: { run: TestRun }) {
  const { t } = useTranslation();
  const words = useDeviceWords();
  const name = `${words.kind(run.device.kind)} (${run.device.id})`;
  const waitHint = WAIT_HINTS[run.device.test ?? ''];
  return (
    <section
      className={`test-card test-${run.state === 'done' ? (run.result.ok ? 'passed' : 'failed') : run.state}`}
      data-test-result={run.device.id}
      aria-live="polite"
    >
      <h3>{t('technician.deviceTest.resultFor', { device: name })}</h3>
      {run.state === 'running' && <p>{waitHint ? t(`technician.test.${waitHint}`) : t('technician.test.running')}</p>}
      {run.state === 'error' && <ErrorNotice error={run.error} />}
      {run.state === 'done' && (
        <>
          <p className="verdict">
            <span aria-hidden="true">{run.result.ok ? '✔ ' : '✖ '}</span>
            {run.result.ok ? t('technician.deviceTest.passed') : t('technician.deviceTest.failed')}
          </p>
          <dl>
            <dt>{t('technician.deviceTest.done')}</dt>
            <dd>{t(`technician.deviceTest.doneCode.${run.result.done}`, run.result.values)}</dd>
            <dt>{t('technician.deviceTest.answer')}</dt>
            <dd>
              {t(`technician.deviceTest.answerCode.${run.result.answer}`, {
                ...run.result.values,
                ...(typeof run.result.values.state === 'string' ? { state: words.state(run.result.values.state) } : {}),
              })}
            </dd>
            <dt>{t('technician.deviceTest.next')}</dt>
            <dd>{t(`technician.deviceTest.nextCode.${run.result.next}`)}</dd>
          </dl>
          {run.result.detail && (
            <details>
              <summary>{t('technician.detail')}</summary>
              <code>{run.result.detail}</code>
            </details>
          )}
        </>
      )}
    </section>
  );
}
