import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useKnowledgeSearch } from './useKnowledgeSearch.ts';

/**
 * Knowledge search beside the contact form: type a question, get ranked answers, insert one
 * into the reply with one click (or Enter on the focused button).
 */
export function KnowledgePanel({ hotlineId, onInsert }: { hotlineId: string; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const results = useKnowledgeSearch(q, hotlineId, 8);
  return (
    <aside className="card knowledge-panel" aria-label={t('desk.knowledge.panel')}>
      <h2>{t('desk.knowledge.panel')}</h2>
      <form role="search" className="kb-search" onSubmit={(e) => { e.preventDefault(); setQ(input.trim()); }}>
        <input type="search" name="kbQuery" aria-label={t('desk.knowledge.search')} placeholder={t('desk.knowledge.searchHint')}
          value={input} onChange={(e) => setInput(e.target.value)} />
        <Button type="submit" size="sm">{t('common.search')}</Button>
      </form>
      <p className="small muted">{q ? t('desk.knowledge.results') : t('desk.knowledge.typical')}</p>
      <ProblemAlert error={results.error} />
      <ul className="kb-results">
        {results.data?.items.map((a) => (
          <li key={a.id} className="kb-result">
            <div className="kb-title">
              <Link to={`/desk/knowledge/${a.id}`} target="_blank">{a.title}</Link>
              {a.typical ? <span className="chip">{t('desk.knowledge.typicalFlag')}</span> : null}
            </div>
            <p className="kb-answer">{a.answer || a.body.slice(0, 200)}</p>
            <Button size="sm" variant="secondary" onClick={() => onInsert(a.answer || a.body)}>
              {t('desk.knowledge.insert')}
            </Button>
          </li>
        ))}
        {results.data && results.data.items.length === 0 ? <li className="muted small">{t('desk.knowledge.nothing')}</li> : null}
      </ul>
    </aside>
  );
}
