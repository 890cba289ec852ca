import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../../shared/contract/view.ts';

/** How to reach the library (config branch.contact), where the screen asks the patron to contact it. */
export function ContactLine({ contact }: { contact: KioskView['branch']['contact'] }) {
  const { t } = useTranslation();
  const parts = [
    contact?.phone && t('contact.phone', { phone: contact.phone }),
    contact?.email && t('contact.email', { email: contact.email }),
    contact?.web && t('contact.web', { web: contact.web }),
  ].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return null;
  return (
    <p className="contact" data-testid="contact">
      {parts.map((p) => (
        <span key={p} dir="auto">
          {p}
        </span>
      ))}
    </p>
  );
}
