import { Route, Routes } from 'react-router';
import { TabNav } from '../ui/TabNav.tsx';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../session/useMe.ts';
import { NotFound } from '../ui/NoAccess.tsx';
import { CalibrationPage } from './calibration/CalibrationPage.tsx';
import { CalibrationsPage } from './calibration/CalibrationsPage.tsx';
import { DisputesPage } from './evaluations/DisputesPage.tsx';
import { EvaluationsPage } from './evaluations/EvaluationsPage.tsx';
import { WorkspacePage } from './evaluations/WorkspacePage.tsx';
import { PlansPage } from './plans/PlansPage.tsx';
import { ResultsPage } from './results/ResultsPage.tsx';
import { ScorecardEditorPage } from './scorecards/ScorecardEditorPage.tsx';
import { ScorecardsPage } from './scorecards/ScorecardsPage.tsx';
import { SatisfactionPage } from './satisfaction/SatisfactionPage.tsx';
import './quality.css';

/** The quality area: evaluations, scorecards, sampling plans, results, disputes, calibration. */
export function QualityPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const has = (p: string) => me.permissions.includes(p);
  const tabs = [
    { to: '/quality', label: t('quality.tabs.evaluations'), end: true, show: true },
    { to: '/quality/scorecards', label: t('quality.tabs.scorecards'), end: false, show: true },
    { to: '/quality/plans', label: t('quality.tabs.plans'), end: false, show: true },
    { to: '/quality/results', label: t('quality.tabs.results'), end: false, show: true },
    { to: '/quality/disputes', label: t('quality.tabs.disputes'), end: false, show: has('quality.resolve') },
    { to: '/quality/calibrations', label: t('quality.tabs.calibration'), end: false, show: has('quality.evaluate') },
    { to: '/quality/satisfaction', label: t('quality.tabs.satisfaction'), end: false, show: true },
  ];
  return (
    <div className="page page-wide">
      <TabNav tabs={tabs} label={t('quality.tabs.label')} />
      <Routes>
        <Route index element={<EvaluationsPage />} />
        <Route path="evaluations/:id" element={<WorkspacePage />} />
        <Route path="scorecards" element={<ScorecardsPage />} />
        <Route path="scorecards/:id" element={<ScorecardEditorPage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="results" element={<ResultsPage />} />
        <Route path="disputes" element={<DisputesPage />} />
        <Route path="calibrations" element={<CalibrationsPage />} />
        <Route path="calibrations/:id" element={<CalibrationPage />} />
        <Route path="satisfaction" element={<SatisfactionPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
