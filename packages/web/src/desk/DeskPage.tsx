import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../session/useMe.ts';
import { NotFound } from '../ui/NoAccess.tsx';
import { ArticlePage } from './knowledge/ArticlePage.tsx';
import { KnowledgePage } from './knowledge/KnowledgePage.tsx';
import { CustomerPage } from './customers/CustomerPage.tsx';
import { JournalPage } from './journal/JournalPage.tsx';
import { RegisterPage } from './register/RegisterPage.tsx';

/** The desk area: journal, hand registration, customer cards and the knowledge base. */
export function DeskPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tabs = [
    { to: '/desk', label: t('desk.tabs.journal'), end: true, show: me.permissions.includes('contacts.view') },
    { to: '/desk/new', label: t('desk.tabs.register'), end: false, show: me.permissions.includes('contacts.edit') },
    { to: '/desk/knowledge', label: t('desk.tabs.knowledge'), end: false, show: me.permissions.includes('knowledge.view') },
  ];
  return (
    <div className="page page-wide">
      <nav className="tabs" aria-label={t('desk.tabs.label')}>
        {tabs.filter((x) => x.show).map((x) => (
          <NavLink key={x.to} to={x.to} end={x.end} className={({ isActive }) => (isActive ? 'tab is-active' : 'tab')}>
            {x.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<JournalPage />} />
        <Route path="new" element={<RegisterPage />} />
        <Route path="customers/:id" element={<CustomerPage />} />
        <Route path="knowledge" element={<KnowledgePage />} />
        <Route path="knowledge/:id" element={<ArticlePage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
