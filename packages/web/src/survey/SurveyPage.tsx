import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Button } from '../ui/Button.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import '../quality/quality.css';

interface PublicSurvey {
  kind: 'csat' | 'nps';
  question: string;
  allowComment: boolean;
  hotlineName: string;
  status: 'open' | 'answered' | 'expired';
}

/** The customer's survey behind a link (no sign-in): CSAT 1–5 or NPS 0–10, an optional comment, answered once. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const survey = useQuery({ queryKey: ['survey', token], queryFn: () => api.get<PublicSurvey>(`/surveys/public/${token}`), retry: false });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const answer = useMutation({ mutationFn: () => api.post(`/surveys/public/${token}`, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) }) });
  const s = survey.data;
  const values = s?.kind === 'nps' ? Array.from({ length: 11 }, (_, i) => i) : [1, 2, 3, 4, 5];
  return (
    <main className="login-page">
      <div className="login-card q-survey">
        <div className="login-lang"><LanguageSwitch /></div>
        <ProblemAlert error={survey.error} />
        {s ? (
          <>
            <p className="muted small">{s.hotlineName}</p>
            {answer.isSuccess || s.status === 'answered' ? (
              <h1>{t('survey.thanks')}</h1>
            ) : s.status === 'expired' ? (
              <h1>{t('survey.expired')}</h1>
            ) : (
              <form onSubmit={(e) => { e.preventDefault(); answer.mutate(); }} aria-label={t('survey.title')}>
                <h1>{s.question}</h1>
                <div className="q-scale" role="radiogroup" aria-label={t('survey.score')}>
                  {values.map((v) => (
                    <button key={v} type="button" role="radio" aria-checked={score === v} className={`btn ${score === v ? 'btn-primary' : 'btn-secondary'}`} onClick={() => setScore(v)}>{v}</button>
                  ))}
                </div>
                <p className="small muted">{s.kind === 'nps' ? t('survey.npsHint') : t('survey.csatHint')}</p>
                {s.allowComment ? (
                  <label className="filter"><span>{t('survey.comment')}</span><textarea name="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} /></label>
                ) : null}
                <ProblemAlert error={answer.error} />
                <Button type="submit" variant="primary" disabled={score === null} busy={answer.isPending}>{t('survey.send')}</Button>
              </form>
            )}
          </>
        ) : null}
      </div>
    </main>
  );
}
