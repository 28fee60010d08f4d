import { Route, Routes } from 'react-router';
import { TabNav } from '../ui/TabNav.tsx';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../session/useMe.ts';
import { NotFound } from '../ui/NoAccess.tsx';
import { ArticlePage } from './knowledge/ArticlePage.tsx';
import { KnowledgePage } from './knowledge/KnowledgePage.tsx';
import { CustomerPage } from './customers/CustomerPage.tsx';
import { JournalPage } from './journal/JournalPage.tsx';
import { RegisterPage } from './register/RegisterPage.tsx';
import { MySchedulePage } from './schedule/MySchedulePage.tsx';
import { CallbacksPage } from './callbacks/CallbacksPage.tsx';
import { ContactWorkspace } from './current/ContactWorkspace.tsx';
import { ScriptEditorPage } from './scripts/ScriptEditorPage.tsx';
import { ScriptsPage } from './scripts/ScriptsPage.tsx';
import { MyEvaluationPage } from './evaluations/MyEvaluationPage.tsx';
import { MyEvaluationsPage } from './evaluations/MyEvaluationsPage.tsx';
import { CasesPage } from './cases/CasesPage.tsx';
import { CasePage } from './cases/CasePage.tsx';
import { NewCasePage } from './cases/NewCasePage.tsx';
import { ProblemsPage } from './cases/ProblemsPage.tsx';
import { OrdersPage } from './orders/OrdersPage.tsx';
import { NewOrderPage } from './orders/NewOrderPage.tsx';
import { AgentBar } from './agent/AgentBar.tsx';
import { MyContactsPage } from './agent/MyContactsPage.tsx';
import { ChatsPage } from './chats/ChatsPage.tsx';
import { useChatsBadge } from './chats/useChatsBadge.ts';

/** The desk area: journal, hand registration, customer cards and the knowledge base. */
export function DeskPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const unreadChats = useChatsBadge(me.permissions.includes('desk.use'));
  const tabs = [
    { to: '/desk', label: t('desk.tabs.journal'), end: true, show: me.permissions.includes('contacts.view') },
    { to: '/desk/new', label: t('desk.tabs.register'), end: false, show: me.permissions.includes('contacts.edit') },
    { to: '/desk/knowledge', label: t('desk.tabs.knowledge'), end: false, show: me.permissions.includes('knowledge.view') },
    { to: '/desk/schedule', label: t('mySchedule.tab'), end: false, show: me.permissions.includes('desk.use') },
    { to: '/desk/cases', label: t('cases.tab'), end: false, show: me.permissions.includes('cases.view') },
    { to: '/desk/orders', label: t('orders.tab'), end: false, show: me.permissions.includes('cases.view') },
    { to: '/desk/callbacks', label: t('callbacks.tab'), end: false, show: me.permissions.includes('contacts.edit') },
    { to: '/desk/scripts', label: t('scripts.tab'), end: false, show: me.permissions.includes('scripts.edit') },
    { to: '/desk/evaluations', label: t('deskEvaluations.tab'), end: false, show: true },
    { to: '/desk/agent', label: t('agentDesk.tab'), end: false, show: me.permissions.includes('desk.use') },
    { to: '/desk/chats', label: unreadChats ? t('chats.tabUnread', { count: unreadChats }) : t('chats.tab'), end: false, show: me.permissions.includes('desk.use') },
  ];
  return (
    <div className="page page-wide">
      {me.permissions.includes('desk.use') ? <AgentBar /> : null}
      <TabNav tabs={tabs} label={t('desk.tabs.label')} />
      <Routes>
        <Route index element={<JournalPage />} />
        <Route path="new" element={<RegisterPage />} />
        <Route path="customers/:id" element={<CustomerPage />} />
        <Route path="knowledge" element={<KnowledgePage />} />
        <Route path="cases" element={<CasesPage />} />
        <Route path="cases/new" element={<NewCasePage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="problems" element={<ProblemsPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/new" element={<NewOrderPage />} />
        <Route path="knowledge/:id" element={<ArticlePage />} />
        <Route path="schedule" element={<MySchedulePage />} />
        <Route path="callbacks" element={<CallbacksPage />} />
        <Route path="contacts/:id" element={<ContactWorkspace />} />
        <Route path="scripts" element={<ScriptsPage />} />
        <Route path="scripts/:id" element={<ScriptEditorPage />} />
        <Route path="evaluations" element={<MyEvaluationsPage />} />
        <Route path="evaluations/:id" element={<MyEvaluationPage />} />
        <Route path="agent" element={<MyContactsPage />} />
        <Route path="chats" element={<ChatsPage />} />
        <Route path="chats/:id" element={<ChatsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
