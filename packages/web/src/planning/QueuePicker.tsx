import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/Field.tsx';
import { useChosenQueue } from './api.ts';

/** The planning queue all planning tabs work on. */
export function QueuePicker() {
  const { t } = useTranslation();
  const [queue, choose, queues] = useChosenQueue();
  if (!queues?.length) return null;
  return (
    <div className="filter">
      <SelectField
        label={t('planning.queue')}
        name="queue"
        value={queue?.id ?? ''}
        options={queues.map((q) => ({ value: q.id, label: `${q.name} (${q.code})` }))}
        onChange={choose}
      />
    </div>
  );
}
