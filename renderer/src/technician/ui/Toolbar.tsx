import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice.tsx';
import type { RequestError } from './useRequest.ts';

/** The row above a tab's content: its own controls, "Refresh", and what went wrong last. */
export function Toolbar({
  onRefresh,
  error,
  children,
}: {
  onRefresh: () => unknown;
  error?: RequestError | undefined;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="toolbar">
        {children}
        <button type="button" onClick={() => void onRefresh()}>
          {t('technician.refresh')}
        </button>
      </div>
      <ErrorNotice error={error} />
    </>
  );
}
