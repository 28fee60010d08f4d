import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { formatSize } from './types.ts';
import './attachments.css';

/** Files chosen to go with a contact being registered (scanned letters, photos); sent after it is saved. */
export function AttachmentPicker({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="field attachment-picker">
      <label htmlFor={id}>{t('attachments.label')}</label>
      <input id={id} type="file" multiple onChange={(e) => { onChange([...files, ...Array.from(e.target.files ?? [])]); e.target.value = ''; }} />
      {files.length > 0 ? (
        <ul className="attachment-list">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span>{f.name}</span> <span className="muted small">{formatSize(f.size, i18n.language)}</span>{' '}
              <Button size="sm" variant="ghost" aria-label={t('attachments.remove', { name: f.name })} onClick={() => onChange(files.filter((_, j) => j !== i))}>×</Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
