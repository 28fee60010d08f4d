import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';

/**
 * Shows a secret the only time it is shown (an API token, a webhook signing secret): the server
 * never returns it again, so the dialog says so and offers to copy it.
 */
export function SecretDialog({ title, secret, notice, onClose }: { title: string; secret: string; notice: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const inputId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
    } catch {
      // Clipboard API needs a secure context; fall back to selecting the text for Ctrl+C.
      const el = document.getElementById(inputId) as HTMLInputElement | null;
      el?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('common.secretDone')}
        </Button>
      }
    >
      <div className="alert alert-warn">{notice}</div>
      <div className="secret-row">
        <input id={inputId} className="mono secret" readOnly value={secret} data-testid="secret" onFocus={(e) => e.target.select()} />
        <Button onClick={() => void copy()}>{copied ? t('common.copied') : t('common.copy')}</Button>
      </div>
    </Dialog>
  );
}
