import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Hotline } from '../../api/types.ts';
import { formatDateTime } from '../../ui/format.ts';
import { topicLabel } from '../common/labels.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import type { Contact } from '../types.ts';
import { AttachmentList } from '../attachments/AttachmentList.tsx';
import { ScriptRunView } from '../scripts/ScriptRunView.tsx';
import { ContactTranscript } from './ContactTranscript.tsx';

/** A journal row opened: times, notes, custom fields and the way to the customer card. */
export function ContactDetail({ contact, hotline }: { contact: Contact; hotline: Hotline | undefined }) {
  const { t } = useTranslation();
  const fields = hotline?.customFields ?? [];
  const canOpenCase = useCurrentUser().permissions.includes('cases.edit');
  return (
    <div className="contact-detail">
      <dl className="facts facts-3">
        <div><dt>{t('desk.contact.topic')}</dt><dd>{topicLabel(hotline, contact.topicId)}</dd></div>
        <div><dt>{t('desk.contact.criticality')}</dt><dd>{t(`desk.criticality.${contact.criticality}`)}</dd></div>
        <div><dt>{t('desk.contact.fcr')}</dt><dd>{contact.fcr === null ? '—' : contact.fcr ? t('common.yes') : t('common.no')}</dd></div>
        <div><dt>{t('desk.contact.answeredAt')}</dt><dd>{formatDateTime(contact.answeredAt)}</dd></div>
        <div><dt>{t('desk.contact.endedAt')}</dt><dd>{formatDateTime(contact.endedAt)}</dd></div>
        <div><dt>{t('desk.contact.agent')}</dt><dd>{contact.agentName ?? '—'}</dd></div>
        {fields.map((f) => {
          const v = contact.customFields[f.key];
          return (
            <div key={f.key}>
              <dt>{f.label}</dt>
              <dd>{v === undefined ? '—' : Array.isArray(v) ? v.join(', ') : String(v)}</dd>
            </div>
          );
        })}
      </dl>
      {contact.notes ? <p className="notes">{contact.notes}</p> : null}
      <ContactTranscript contactId={contact.id} />
      <ScriptRunView contactId={contact.id} />
      <AttachmentList contactId={contact.id} canAdd={false} />
      <Link className="btn btn-sm btn-primary" to={`/desk/contacts/${contact.id}`}>{t('workspace.openContact')}</Link>{' '}
      {contact.customerId ? (
        <Link className="btn btn-sm" to={`/desk/customers/${contact.customerId}`}>
          {t('desk.journal.openCard')}
        </Link>
      ) : null}{' '}
      {canOpenCase ? <Link className="btn btn-sm" to={`/desk/cases/new?contactId=${contact.id}`}>{t('cases.fromContact')}</Link> : null}
    </div>
  );
}
