import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';

interface Props {
  id: string;
  value: string;
  onChange: (text: string) => void;
  onSend: () => void;
  busy: boolean;
  disabled: boolean;
  /** More actions beside Send (the chat's "attach a file"). */
  children?: ReactNode;
}

/** The reply being written to the customer; Ctrl+Enter (⌘+Enter) sends, as the Send button does. */
export const ReplyBox = forwardRef<HTMLTextAreaElement, Props>(function ReplyBox({ id, value, onChange, onSend, busy, disabled, children }, ref) {
  const { t } = useTranslation();
  const submit = () => {
    if (value.trim() && !busy && !disabled) onSend();
  };
  return (
    <div className="reply">
      <label htmlFor={id} className="visually-hidden">{t('workspace.reply')}</label>
      <textarea id={id} ref={ref} rows={3} value={value} disabled={disabled} placeholder={t('workspace.replyHint')}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); } }} />
      {children}
      <Button variant="primary" onClick={submit} busy={busy} disabled={disabled || !value.trim()}>{t('workspace.send')}</Button>
    </div>
  );
});
