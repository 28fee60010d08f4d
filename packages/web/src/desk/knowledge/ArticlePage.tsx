import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Button } from '../../ui/Button.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { fieldErrors, ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { useCurrentUser } from '../../session/useMe.ts';
import type { Article, ArticleVersion, Category, DiffLine, Reads } from '../types.ts';

/** One article: read it, confirm reading, see who has not; editors change it and compare versions. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const editing = params.get('edit') === '1' && me.permissions.includes('knowledge.edit');
  const queryClient = useQueryClient();
  const article = useQuery({ queryKey: [...keys.knowledge, id], queryFn: () => api.get<Article>(`/knowledge/articles/${id}`) });
  const versions = useQuery({ queryKey: [...keys.knowledge, id, 'versions'], queryFn: () => api.get<{ items: ArticleVersion[] }>(`/knowledge/articles/${id}/versions`) });
  const reads = useQuery({ queryKey: [...keys.knowledge, id, 'reads'], queryFn: () => api.get<Reads>(`/knowledge/articles/${id}/reads`) });
  const confirm = useMutation({
    mutationFn: () => api.post(`/knowledge/articles/${id}/confirm`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.knowledge }),
  });
  if (article.error) return <ProblemAlert error={article.error} />;
  const a = article.data;
  if (!a) return <p className="muted">{t('common.loading')}</p>;
  const confirmedByMe = reads.data?.confirmed.some((c) => c.userId === me.id);
  const mustConfirm = reads.data?.pending.some((p) => p.userId === me.id);

  return (
    <div className="article-page">
      <p><Link to="/desk/knowledge">← {t('desk.knowledge.title')}</Link></p>
      {editing ? (
        <ArticleForm article={a} onDone={() => setParams({})} />
      ) : (
        <article className="card article">
          <div className="page-header">
            <div>
              <h1>{a.title}</h1>
              <p className="page-subtitle small">{t('desk.knowledge.version', { n: a.version })} · {formatDateTime(a.updatedAt)}</p>
            </div>
            <div className="page-actions">
              {me.permissions.includes('knowledge.edit') ? <Button onClick={() => setParams({ edit: '1' })}>{t('desk.knowledge.edit')}</Button> : null}
              {mustConfirm ? <Button variant="primary" busy={confirm.isPending} onClick={() => confirm.mutate()}>{t('desk.knowledge.confirm')}</Button> : null}
              {confirmedByMe ? <span className="badge badge-ok">{t('desk.knowledge.confirmed')}</span> : null}
            </div>
          </div>
          {a.answer ? (
            <section className="answer-box">
              <h2 className="section-title">{t('desk.knowledge.answer')}</h2>
              <p>{a.answer}</p>
              <Button size="sm" onClick={() => void navigator.clipboard?.writeText(a.answer)}>{t('desk.knowledge.copy')}</Button>
            </section>
          ) : null}
          <div className="article-body">{a.body}</div>
        </article>
      )}
      <div className="article-side">
        <section className="card">
          <h2>{t('desk.knowledge.reads', { n: reads.data?.version ?? a.version })}</h2>
          <p className="small muted">{t('desk.knowledge.readsHint')}</p>
          <h3 className="section-title">{t('desk.knowledge.pending', { count: reads.data?.pending.length ?? 0 })}</h3>
          <ul className="plain-list" data-testid="reads-pending">{reads.data?.pending.map((p) => <li key={p.userId}>{p.name}</li>)}</ul>
          <h3 className="section-title">{t('desk.knowledge.confirmedList', { count: reads.data?.confirmed.length ?? 0 })}</h3>
          <ul className="plain-list">{reads.data?.confirmed.map((p) => <li key={p.userId}>{p.name} <span className="muted small">{formatDateTime(p.confirmedAt)}</span></li>)}</ul>
        </section>
        <Versions id={id} versions={versions.data?.items ?? []} />
      </div>
    </div>
  );
}

function Versions({ id, versions }: { id: string; versions: ArticleVersion[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<number | null>(null);
  const diff = useQuery({
    queryKey: [...keys.knowledge, id, 'diff', shown],
    queryFn: () => api.get<{ title: DiffLine[]; answer: DiffLine[]; body: DiffLine[] }>(`/knowledge/articles/${id}/diff`, { from: shown! - 1, to: shown! }),
    enabled: shown !== null && shown > 1,
  });
  return (
    <section className="card">
      <h2>{t('desk.knowledge.history')}</h2>
      <ul className="plain-list versions">
        {versions.map((v) => (
          <li key={v.version}>
            <button type="button" className="link-button" aria-expanded={shown === v.version} disabled={v.version === 1}
              onClick={() => setShown(shown === v.version ? null : v.version)}>
              {t('desk.knowledge.version', { n: v.version })}
            </button>{' '}
            <span className="small muted">{v.authorName ?? '—'} · {formatDateTime(v.createdAt)}</span>
            {shown === v.version && diff.data ? (
              <div className="diff">
                {(['title', 'answer', 'body'] as const).map((part) =>
                  diff.data[part].some((l) => l.op !== 'same') ? (
                    <div key={part}>
                      <h4>{t(`desk.knowledge.${part}`)}</h4>
                      <pre>{diff.data[part].map((l, i) => <span key={i} className={`diff-${l.op}`}>{l.op === 'add' ? '+ ' : l.op === 'del' ? '− ' : '  '}{l.text}{'\n'}</span>)}</pre>
                    </div>
                  ) : null,
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ArticleForm({ article, onDone }: { article: Article; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hotlines = useHotlines();
  const [form, setForm] = useState({
    title: article.title, answer: article.answer, body: article.body, typical: article.typical, kind: article.kind,
    hotlineId: article.hotlineId ?? '', categoryId: article.categoryId ?? '',
  });
  const categories = useQuery({
    queryKey: [...keys.knowledge, 'categories', form.hotlineId],
    queryFn: () => api.get<{ items: Category[] }>('/knowledge/categories', { hotlineId: form.hotlineId || undefined }),
  });
  const save = useMutation({
    mutationFn: () => api.patch<Article>(`/knowledge/articles/${article.id}`, { ...form, hotlineId: form.hotlineId || null, categoryId: form.categoryId || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.knowledge });
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form article" onSubmit={submit} noValidate>
      <TextField label={t('desk.knowledge.title_')} name="title" value={form.title} error={errors.title} onChange={(v) => setForm({ ...form, title: v })} />
      <div className="form grid-2">
        <SelectField label={t('desk.journal.hotline')} name="hotlineId" value={form.hotlineId}
          options={[{ value: '', label: t('desk.knowledge.shared') }, ...(hotlines.data ?? []).map((h) => ({ value: h.id, label: h.name }))]}
          onChange={(v) => setForm({ ...form, hotlineId: v })} />
        <SelectField label={t('desk.knowledge.kind')} name="kind" value={form.kind}
          options={[{ value: 'article', label: t('desk.knowledge.article') }, { value: 'qa', label: t('desk.knowledge.qa') }]}
          onChange={(v) => setForm({ ...form, kind: v as Article['kind'] })} />
        <SelectField label={t('desk.knowledge.category')} name="categoryId" value={form.categoryId}
          options={[{ value: '', label: '—' }, ...(categories.data?.items ?? []).filter((c) => !c.hotlineId || c.hotlineId === form.hotlineId).map((c) => ({ value: c.id, label: c.name }))]}
          onChange={(v) => setForm({ ...form, categoryId: v })} />
      </div>
      <div className="field">
        <label htmlFor="answer">{t('desk.knowledge.answer')}</label>
        <textarea id="answer" rows={3} value={form.answer} onChange={(e) => setForm({ ...form, answer: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="body">{t('desk.knowledge.body')}</label>
        <textarea id="body" rows={10} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} />
      </div>
      <Checkbox name="typical" label={t('desk.knowledge.typicalFlag')} checked={form.typical} onChange={(v) => setForm({ ...form, typical: v })} />
      <p className="small muted">{t('desk.knowledge.versionHint')}</p>
      <ProblemAlert error={save.error} />
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>{t('common.cancel')}</Button>
        <Button variant="primary" type="submit" busy={save.isPending}>{t('common.save')}</Button>
      </div>
    </form>
  );
}
