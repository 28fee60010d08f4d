import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type QualityAutoRule, type QualityCriterion, type QualitySection, type QualityWeighting } from '@linia/engine';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { useCurrentUser } from '../../session/useMe.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { isProblem } from '../../api/problem.ts';
import { qualityKeys, type ScorecardDetail } from '../types.ts';
import { SectionEditor } from './SectionEditor.tsx';
import { AutoRulesEditor } from './AutoRulesEditor.tsx';

export interface Content {
  title: string;
  hotlineId: string | null;
  weighting: QualityWeighting;
  sections: QualitySection[];
  autoRules: QualityAutoRule[];
}

let seq = 0;
/** A short id unique within the scorecard: criteria ids must be unique across all sections. */
export const newId = (prefix: string, taken: string[]) => {
  let id = '';
  do id = `${prefix}${++seq}`;
  while (taken.includes(id));
  return id;
};

export const newCriterion = (taken: string[]): QualityCriterion => ({ id: newId('c', taken), title: '', weight: 1, scale: { kind: 'yesNo' }, allowNa: false, errorClass: 'nonCritical', fail: 'none' });
export const allIds = (c: Content) => c.sections.flatMap((s) => [s.id, ...s.criteria.map((x) => x.id)]);

const EMPTY: Content = { title: '', hotlineId: null, weighting: 'relative', sections: [{ id: 's1', title: '', weight: 1, criteria: [{ ...newCriterion(['s1']), id: 'c1' }] }], autoRules: [] };

/**
 * The scorecard editor: sections with weights, criteria with scales, N/A, class and fail effect,
 * automatic checks. Saving a published scorecard creates a new draft version; «Publish» makes the
 * draft the version new evaluations use (evaluations made keep theirs).
 */
export function ScorecardEditorPage() {
  const { t } = useTranslation();
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const me = useCurrentUser();
  const canEdit = me.permissions.includes('quality.manage');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const hotlines = useHotlines();
  const detail = useQuery({ queryKey: [...qualityKeys.scorecards, id], queryFn: () => api.get<ScorecardDetail>(`/quality/scorecards/${id}`), enabled: !isNew });
  const [content, setContent] = useState<Content>(EMPTY);
  useEffect(() => {
    const d = detail.data;
    if (d) setContent({ title: d.latest.title, hotlineId: d.hotlineId, weighting: d.latest.weighting, sections: d.latest.sections, autoRules: d.latest.autoRules });
  }, [detail.data]);
  const done = (d: ScorecardDetail) => {
    void queryClient.invalidateQueries({ queryKey: qualityKeys.scorecards });
    if (isNew) navigate(`/quality/scorecards/${d.id}`, { replace: true });
  };
  const save = useMutation({
    mutationFn: () => {
      const { hotlineId, ...body } = content;
      return isNew ? api.post<ScorecardDetail>('/quality/scorecards', { ...body, hotlineId }) : api.patch<ScorecardDetail>(`/quality/scorecards/${id}`, body);
    },
    onSuccess: done,
  });
  const publish = useMutation({ mutationFn: () => api.post<ScorecardDetail>(`/quality/scorecards/${id}/publish`), onSuccess: done });
  const latest = detail.data?.latest;
  const problems = isProblem(save.error) ? save.error.errors : [];
  const setSection = (i: number, s: QualitySection | null) =>
    setContent((c) => ({ ...c, sections: s ? c.sections.map((x, j) => (j === i ? s : x)) : c.sections.filter((_, j) => j !== i) }));
  return (
    <>
      <PageHeader
        title={isNew ? t('quality.scorecards.create') : content.title || t('quality.scorecards.title')}
        subtitle={latest ? t('quality.scorecards.versionLine', { n: latest.version, status: t(`quality.scorecards.status.${latest.status}`) }) : t('quality.scorecards.newHint')}
        actions={canEdit ? (
          <>
            <Button variant="primary" busy={save.isPending} onClick={() => save.mutate()}>{t('quality.scorecards.save')}</Button>
            {!isNew && latest?.status === 'draft' ? <Button busy={publish.isPending} onClick={() => publish.mutate()}>{t('quality.scorecards.publish')}</Button> : null}
          </>
        ) : null}
      />
      {latest?.status === 'published' && canEdit ? <div className="alert alert-warn">{t('quality.scorecards.publishedHint')}</div> : null}
      {save.isSuccess ? <div className="alert alert-success" role="status">{t('quality.scorecards.saved')}</div> : null}
      <ProblemAlert error={save.error ?? publish.error ?? detail.error} />
      {problems.length > 1 ? <ul className="q-problems">{problems.map((p) => <li key={p.field + p.message}><code>{p.field}</code> {p.message}</li>)}</ul> : null}
      <fieldset className="card q-card-form" disabled={!canEdit}>
        <div className="q-row">
          <label className="filter filter-grow"><span>{t('quality.scorecards.name')}</span>
            <input name="title" value={content.title} onChange={(e) => setContent({ ...content, title: e.target.value })} />
          </label>
          <label className="filter"><span>{t('quality.hotline')}</span>
            <select name="hotlineId" value={content.hotlineId ?? ''} disabled={!isNew} onChange={(e) => setContent({ ...content, hotlineId: e.target.value || null })}>
              <option value="">{t('quality.shared')}</option>
              {hotlines.data?.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
            </select>
          </label>
          <label className="filter"><span>{t('quality.scorecards.weighting')}</span>
            <select name="weighting" value={content.weighting} onChange={(e) => setContent({ ...content, weighting: e.target.value as QualityWeighting })}>
              <option value="relative">{t('quality.scorecards.relative')}</option>
              <option value="percent">{t('quality.scorecards.percent')}</option>
            </select>
          </label>
        </div>
        {content.sections.map((s, i) => (
          <SectionEditor key={s.id} index={i} section={s} taken={allIds(content)} onChange={(x) => setSection(i, x)} />
        ))}
        <Button onClick={() => setContent((c) => ({ ...c, sections: [...c.sections, { id: newId('s', allIds(c)), title: '', weight: 1, criteria: [newCriterion(allIds(c))] }] }))}>
          {t('quality.scorecards.addSection')}
        </Button>
        <AutoRulesEditor content={content} onChange={(autoRules) => setContent({ ...content, autoRules })} />
      </fieldset>
    </>
  );
}
