import { NavLink } from 'react-router';

export interface Tab {
  to: string;
  label: string;
  /** Active only on exactly this path (the area's first tab), not below it. */
  end?: boolean;
  /** false hides the tab (the role lacks the permission behind it). */
  show?: boolean;
}

/** The row of tabs at the top of an area; each a link, the current one marked. */
export function TabNav({ tabs, label, search }: { tabs: Tab[]; label: string; search?: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.filter((x) => x.show !== false).map((x) => (
        <NavLink key={x.to} to={search ? { pathname: x.to, search } : x.to} end={x.end} className={({ isActive }) => (isActive ? 'tab is-active' : 'tab')}>
          {x.label}
        </NavLink>
      ))}
    </nav>
  );
}
