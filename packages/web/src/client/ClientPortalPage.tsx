import { useTranslation } from 'react-i18next';
import { useHotlines } from '../api/referenceData.ts';
import type { Hotline } from '../api/types.ts';
import { AreaPlaceholder } from '../ui/AreaPlaceholder.tsx';
import { Badge } from '../ui/Badge.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

/**
 * The client's own view. Already lists the hotlines this user may see; the server filters
 * them to the user's client, so the page never has to know which client that is.
 */
export function ClientPortalPage() {
  const { t } = useTranslation();
  const hotlines = useHotlines();
  return (
    <AreaPlaceholder area="client">
      <h2 className="section-title">{t('client.yourHotlines')}</h2>
      {hotlines.error ? <ProblemAlert error={hotlines.error} /> : null}
      {hotlines.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {hotlines.data && hotlines.data.length === 0 ? <p className="muted">{t('client.noHotlines')}</p> : null}
      <ul className="hotline-cards" data-testid="client-hotlines">
        {hotlines.data?.map((h) => <HotlineCard key={h.id} hotline={h} />)}
      </ul>
    </AreaPlaceholder>
  );
}

function HotlineCard({ hotline }: { hotline: Hotline }) {
  const { t } = useTranslation();
  return (
    <li className="hotline-card">
      <div className="hotline-card-head">
        <h3>{hotline.name}</h3>
        {hotline.active ? <Badge tone="ok">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>}
      </div>
      <div className="muted mono">{hotline.code}</div>
      <div className="chips">
        {hotline.channels.map((c) => (
          <span key={c} className="chip">
            {t(`channels.${c}`)}
          </span>
        ))}
      </div>
      <div className="muted small">
        {hotline.timeZone} · {t('hotlines.topicCount', { count: countTopics(hotline.topics) })}
      </div>
    </li>
  );
}

function countTopics(topics: Hotline['topics']): number {
  return topics.reduce((n, topic) => n + 1 + countTopics(topic.children), 0);
}
