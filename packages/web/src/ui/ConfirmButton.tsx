import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

interface Props {
  label: ReactNode;
  confirmLabel?: ReactNode;
  onConfirm: () => void;
  busy?: boolean;
}

/**
 * A destructive action that asks once, inline. Native confirm() would block the page and
 * is invisible to screen magnifiers; an inline "sure?" keeps the context in view.
 */
export function ConfirmButton({ label, confirmLabel, onConfirm, busy }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button size="sm" variant="ghost" className="text-danger" onClick={() => setAsking(true)} busy={busy}>
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm-inline">
      <Button
        size="sm"
        variant="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel ?? t('common.confirm')}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </Button>
    </span>
  );
}
