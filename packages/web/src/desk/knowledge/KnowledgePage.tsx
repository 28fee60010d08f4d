import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useCurrentUser } from '../../session/useMe.ts';
import type { Article } from '../types.ts';
import { useKnowledgeSearch } from './useKnowledgeSearch.ts';

/** The knowledge base: ranked search, the typical questions, articles waiting for my confirmation. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const hotlines = useHotlines();
  const names = useMemo(() => new Map((hotlines.data ?? []).map((h) => [h.id, h.name])), [hotlines.data]);
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [hotlineId, setHotlineId] = useState('');
  const results = useKnowledgeSearch(q, hotlineId, 50);
  const unconfirmed = useQuery({ queryKey: [...keys.knowledge, 'unconfirmed'], queryFn: () => api.get<{ items: Article[] }>('/knowledge/unconfirmed') });
  const create = useMutation({
    mutationFn: () => api.post<Article>('/knowledge/articles', { title: t('desk.knowledge.newTitle'), hotlineId: hotlineId || null }),
    onSuccess: (a) => navigate(`/desk/knowledge/${a.id}?edit=1`),
  });
  return (
    <>
      <PageHeader
        title={t('desk.knowledge.title')}
        subtitle={t('desk.knowledge.subtitle')}
        actions={me.permissions.includes('knowledge.edit') ? <Button variant="primary" busy={create.isPending} onClick={() => create.mutate()}>{t('desk.knowledge.create')}</Button> : null}
      />
      {unconfirmed.data && unconfirmed.data.items.length > 0 ? (
        <div className="alert alert-warn" role="status">
          <strong>{t('desk.knowledge.toConfirm', { count: unconfirmed.data.items.length })}</strong>{' '}
          {unconfirmed.data.items.slice(0, 5).map((a, i) => (
            <span key={a.id}>{i > 0 ? ', ' : ''}<Link to={`/desk/knowledge/${a.id}`}>{a.title}</Link></span>
          ))}
        </div>
      ) : null}
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); setQ(input.trim()); }}>
        <label className="filter filter-grow">
          <span>{t('desk.knowledge.search')}</span>
          <input type="search" name="kbQuery" value={input} placeholder={t('desk.knowledge.searchHint')} onChange={(e) => setInput(e.target.value)} />
        </label>
        <label className="filter">
          <span>{t('desk.journal.hotline')}</span>
          <select name="hotlineId" value={hotlineId} onChange={(e) => setHotlineId(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {hotlines.data?.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
          </select>
        </label>
        <Button type="submit">{t('common.search')}</Button>
      </form>
      <p className="small muted">{q ? t('desk.knowledge.results') : t('desk.knowledge.typical')}</p>
      <ProblemAlert error={results.error ?? create.error} />
      <ul className="kb-list">
        {results.data?.items.map((a) => (
          <li key={a.id} className="card kb-item">
            <div className="kb-title">
              <Link to={`/desk/knowledge/${a.id}`}>{a.title}</Link>
              {a.typical ? <span className="chip">{t('desk.knowledge.typicalFlag')}</span> : null}
              <span className="chip">{a.kind === 'qa' ? t('desk.knowledge.qa') : t('desk.knowledge.article')}</span>
            </div>
            <p className="kb-answer">{a.answer || a.body.slice(0, 240)}</p>
            <p className="small muted">
              {a.hotlineId ? names.get(a.hotlineId) : t('desk.knowledge.shared')} · {t('desk.knowledge.version', { n: a.version })} · {formatDateTime(a.updatedAt)}
            </p>
          </li>
        ))}
        {results.data && results.data.items.length === 0 ? <li className="muted">{t('desk.knowledge.nothing')}</li> : null}
      </ul>
    </>
  );
}
