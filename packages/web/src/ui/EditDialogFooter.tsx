import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';

interface Props {
  /** id of the <form> the Save button submits. */
  form: string;
  onCancel: () => void;
  saving: boolean;
  /** Shown only when editing an existing record. */
  onDelete?: () => void;
  deleting?: boolean;
}

/** The footer every edit dialog shares: delete (when editing) on the left, cancel and save on the right. */
export function EditDialogFooter({ form, onCancel, saving, onDelete, deleting }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {onDelete ? (
        <span className="footer-left">
          <ConfirmButton label={t('common.delete')} onConfirm={onDelete} busy={deleting} />
        </span>
      ) : null}
      <Button variant="ghost" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button variant="primary" type="submit" form={form} busy={saving}>
        {t('common.save')}
      </Button>
    </>
  );
}
