import { useTranslation } from 'react-i18next';
import type { ContactChannel } from '@linia/engine';

/** The channel of a contact as a small coloured label (colour by family: voice, text, paper). */
const FAMILY: Record<ContactChannel, string> = {
  voice_in: 'voice', voice_out: 'voice', chat: 'text', messenger: 'text', email: 'text', webform: 'text',
  letter: 'paper', fax: 'paper', walk_in: 'person',
};

export function ChannelBadge({ channel }: { channel: ContactChannel }) {
  const { t } = useTranslation();
  return <span className={`channel channel-${FAMILY[channel]}`}>{t(`desk.channels.${channel}`)}</span>;
}
