import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';

/** Shows the new token's secret the only time it exists in clear; the server keeps just a hash. */
export function SecretDialog({ token, onClose }: { token: CreatedApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.secret);
    } catch {
      // Clipboard API needs a secure context; fall back to selecting the text for Ctrl+C.
      const el = document.getElementById('token-secret') as HTMLInputElement | null;
      el?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  }

  return (
    <Dialog
      title={t('tokens.secretTitle', { name: token.name })}
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('tokens.secretDone')}
        </Button>
      }
    >
      <div className="alert alert-warn">{t('tokens.secretOnce')}</div>
      <div className="secret-row">
        <input id="token-secret" className="mono secret" readOnly value={token.secret} data-testid="token-secret" onFocus={(e) => e.target.select()} />
        <Button onClick={() => void copy()}>{copied ? t('tokens.copied') : t('tokens.copy')}</Button>
      </div>
    </Dialog>
  );
}
