import { Route, Routes, useLocation } from 'react-router';
import { TabNav } from '../ui/TabNav.tsx';
import { useTranslation } from 'react-i18next';
import { NotFound } from '../ui/NoAccess.tsx';
import { ForecastPage } from './ForecastPage.tsx';
import { HistoryPage } from './HistoryPage.tsx';
import { QueuePicker } from './QueuePicker.tsx';
import { SchedulePage } from './SchedulePage.tsx';
import { StaffingPage } from './StaffingPage.tsx';
import { StaffPage } from './StaffPage.tsx';
import { VacationsPage } from './VacationsPage.tsx';
import { SimulationPage } from '../simulation/SimulationPage.tsx';
import { PermissionGate } from '../session/guards.tsx';
import { useMe } from '../session/useMe.ts';
import './planning.css';

/** The planning area (WFM): history, forecast with backtest, staffing, schedule board, vacations. */
export function PlanningPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { data: me } = useMe();
  const tabs = [
    { to: '/planning', label: t('planning.tabs.history'), end: true },
    { to: '/planning/forecast', label: t('planning.tabs.forecast'), end: false },
    { to: '/planning/staffing', label: t('planning.tabs.staffing'), end: false },
    { to: '/planning/schedule', label: t('planning.tabs.schedule'), end: false },
    { to: '/planning/vacations', label: t('planning.tabs.vacations'), end: false },
    { to: '/planning/staff', label: t('planning.tabs.staff'), end: false },
    ...(me?.permissions.includes('simulation.run') ? [{ to: '/planning/simulation', label: t('simulation.tab'), end: false }] : []),
  ];
  return (
    <div className="page page-wide planning">
      <div className="planning-head">
        <h1>{t('planning.title')}</h1>
        <QueuePicker />
      </div>
      {/* The chosen queue (?queue=) stays when switching tabs. */}
      <TabNav tabs={tabs} label={t('planning.tabs.label')} search={search} />
      <Routes>
        <Route index element={<HistoryPage />} />
        <Route path="forecast" element={<ForecastPage />} />
        <Route path="staffing" element={<StaffingPage />} />
        <Route path="schedule" element={<SchedulePage />} />
        <Route path="vacations" element={<VacationsPage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="simulation" element={<PermissionGate permission="simulation.run"><SimulationPage /></PermissionGate>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
