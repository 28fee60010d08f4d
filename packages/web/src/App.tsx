import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage.tsx';
import { AdminLayout } from './admin/AdminLayout.tsx';
import { AuditPage } from './admin/audit/AuditPage.tsx';
import { ClientsPage } from './admin/clients/ClientsPage.tsx';
import { HotlinesPage } from './admin/hotlines/HotlinesPage.tsx';
import { RolesPage } from './admin/roles/RolesPage.tsx';
import { TokensPage } from './admin/tokens/TokensPage.tsx';
import { UsersPage } from './admin/users/UsersPage.tsx';
import { WebhooksPage } from './admin/webhooks/WebhooksPage.tsx';
import { CatalogPage } from './admin/catalog/CatalogPage.tsx';
import { QueuesPage } from './admin/queues/QueuesPage.tsx';
import { SkillsPage } from './admin/skills/SkillsPage.tsx';
import { ChatWidgetsPage } from './admin/chat/ChatWidgetsPage.tsx';
import { CalendarsPage } from './admin/calendars/CalendarsPage.tsx';
import { GroupsPage } from './admin/groups/GroupsPage.tsx';
import { SlaPage } from './admin/sla/SlaPage.tsx';
import { ClientPortalPage } from './client/ClientPortalPage.tsx';
import { DeskPage } from './desk/DeskPage.tsx';
import { LoginPage } from './login/LoginPage.tsx';
import { ManagePage } from './manage/ManagePage.tsx';
import { PlanningPage } from './planning/PlanningPage.tsx';
import { QualityPage } from './quality/QualityPage.tsx';
import { SurveyPage } from './survey/SurveyPage.tsx';
import { AreaGate, HomeRedirect, PermissionGate, RequireAuth } from './session/guards.tsx';
import { NotFound } from './ui/NoAccess.tsx';
import { Shell } from './ui/Shell.tsx';
import { WallboardPage } from './wallboard/WallboardPage.tsx';
import { WatchChatPage } from './wallboard/watch/WatchChatPage.tsx';

/** Every URL of the app. Areas are gated by role here, once, rather than inside each page. */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/survey/:token" element={<SurveyPage />} />
        <Route
          element={
            <RequireAuth>
              <Shell />
            </RequireAuth>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="desk/*" element={<AreaGate area="desk"><DeskPage /></AreaGate>} />
          <Route path="wallboard/*" element={<AreaGate area="wallboard"><WallboardPage /></AreaGate>} />
          <Route path="wallboard/watch/:contactId" element={<AreaGate area="wallboard"><PermissionGate permission="floor.control"><WatchChatPage /></PermissionGate></AreaGate>} />
          <Route path="quality/*" element={<AreaGate area="quality"><QualityPage /></AreaGate>} />
          <Route path="planning/*" element={<AreaGate area="planning"><PlanningPage /></AreaGate>} />
          <Route path="manage/*" element={<AreaGate area="manage"><ManagePage /></AreaGate>} />
          <Route path="client/*" element={<AreaGate area="client"><ClientPortalPage /></AreaGate>} />
          <Route path="admin" element={<AreaGate area="admin"><AdminLayout /></AreaGate>}>
            <Route index element={<Navigate to="users" replace />} />
            <Route path="users" element={<PermissionGate permission="users.view"><UsersPage /></PermissionGate>} />
            <Route path="roles" element={<PermissionGate permission="users.view"><RolesPage /></PermissionGate>} />
            <Route path="clients" element={<PermissionGate permission="clients.view"><ClientsPage /></PermissionGate>} />
            <Route path="hotlines" element={<PermissionGate permission="hotlines.view"><HotlinesPage /></PermissionGate>} />
            <Route path="queues" element={<PermissionGate permission="acd.configure"><QueuesPage /></PermissionGate>} />
            <Route path="skills" element={<PermissionGate permission="acd.configure"><SkillsPage /></PermissionGate>} />
            <Route path="chat" element={<PermissionGate permission="acd.configure"><ChatWidgetsPage /></PermissionGate>} />
            <Route path="tokens" element={<PermissionGate permission="tokens.manage"><TokensPage /></PermissionGate>} />
            <Route path="catalog" element={<PermissionGate permission="cases.manage"><CatalogPage /></PermissionGate>} />
            <Route path="webhooks" element={<PermissionGate permission="webhooks.manage"><WebhooksPage /></PermissionGate>} />
            <Route path="calendars" element={<PermissionGate permission="cases.manage"><CalendarsPage /></PermissionGate>} />
            <Route path="groups" element={<PermissionGate permission="cases.manage"><GroupsPage /></PermissionGate>} />
            <Route path="sla" element={<PermissionGate permission="cases.manage"><SlaPage /></PermissionGate>} />
            <Route path="audit" element={<PermissionGate permission="audit.view"><AuditPage /></PermissionGate>} />
            <Route path="*" element={<NotFound />} />
          </Route>
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
