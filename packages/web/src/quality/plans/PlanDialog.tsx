import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QUALITY_STRATA } from '@linia/engine';
import { api } from '../../api/client.ts';
import { useHotlines } from '../../api/referenceData.ts';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ProblemAlert, fieldErrors } from '../../ui/ProblemAlert.tsx';
import { useGroups, usePeople, useScorecards } from '../common/useQualityData.ts';
import { qualityKeys } from '../types.ts';

/** A new sampling plan. The seed is drawn by the server once, so re-running over a period draws the same contacts. */
export function PlanDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cards = useScorecards();
  const groups = useGroups();
  const hotlines = useHotlines();
  const people = usePeople();
  const [form, setForm] = useState({ name: '', scorecardId: '', hotlineId: '', groupId: '', perAgent: 2, period: 'week', strata: [] as string[], allocation: 'proportional', specialistIds: [] as string[], capacityPerDay: 10 });
  const create = useMutation({
    mutationFn: () => api.post('/quality/plans', { ...form, hotlineId: form.hotlineId || null, groupId: form.groupId || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.plans });
      onClose();
    },
  });
  const errors = fieldErrors(create.error);
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <Dialog title={t('quality.plans.create')} onClose={onClose} wide footer={<><Button onClick={onClose}>{t('common.cancel')}</Button><Button variant="primary" busy={create.isPending} onClick={() => create.mutate()}>{t('common.save')}</Button></>}>
      <ProblemAlert error={create.error} />
      <div className="form">
        <label className="filter"><span>{t('quality.plans.name')}</span><input name="planName" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label className="filter"><span>{t('quality.scorecard')}</span>
          <select name="planScorecard" value={form.scorecardId} onChange={(e) => setForm({ ...form, scorecardId: e.target.value })}>
            <option value="">—</option>
            {cards.data?.filter((c) => c.publishedVersion !== null).map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
          {errors.scorecardId ? <span className="field-error">{errors.scorecardId}</span> : null}
        </label>
        <div className="q-row">
          <label className="filter"><span>{t('quality.hotline')}</span>
            <select name="planHotline" value={form.hotlineId} onChange={(e) => setForm({ ...form, hotlineId: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {hotlines.data?.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
            </select>
          </label>
          <label className="filter"><span>{t('quality.group')}</span>
            <select name="planGroup" value={form.groupId} onChange={(e) => setForm({ ...form, groupId: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {groups.data?.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </select>
          </label>
          <label className="filter q-num"><span>{t('quality.plans.perAgent')}</span><input name="perAgent" type="number" min={1} value={form.perAgent} onChange={(e) => setForm({ ...form, perAgent: Number(e.target.value) })} /></label>
          <label className="filter"><span>{t('quality.plans.period')}</span>
            <select name="planPeriod" value={form.period} onChange={(e) => setForm({ ...form, period: e.target.value })}>
              <option value="week">{t('quality.period.week')}</option>
              <option value="month">{t('quality.period.month')}</option>
            </select>
          </label>
          <label className="filter q-num"><span>{t('quality.plans.capacity')}</span><input name="capacity" type="number" min={1} value={form.capacityPerDay} onChange={(e) => setForm({ ...form, capacityPerDay: Number(e.target.value) })} /></label>
        </div>
        <fieldset className="fieldset"><legend>{t('quality.plans.strata')}</legend>
          {QUALITY_STRATA.map((s) => <label key={s} className="checkbox"><input type="checkbox" checked={form.strata.includes(s)} onChange={() => setForm({ ...form, strata: toggle(form.strata, s) })} /> {t(`quality.strata.${s}`)}</label>)}
        </fieldset>
        <fieldset className="fieldset"><legend>{t('quality.plans.specialists')}</legend>
          {people.evaluators.map((u) => <label key={u.id} className="checkbox"><input type="checkbox" checked={form.specialistIds.includes(u.id)} onChange={() => setForm({ ...form, specialistIds: toggle(form.specialistIds, u.id) })} /> {u.name}</label>)}
          {errors.specialistIds ? <span className="field-error">{errors.specialistIds}</span> : null}
        </fieldset>
      </div>
    </Dialog>
  );
}
