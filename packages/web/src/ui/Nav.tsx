import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AreaId } from '@linia/engine';
import { AREA_PATHS } from '../session/areas.ts';
import { Icon } from './icons.tsx';

/** Links to the areas the role opens, nothing else: hidden areas are not teased. */
export function Nav({ areas, onNavigate }: { areas: AreaId[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {areas.map((area) => (
          <li key={area}>
            <NavLink to={AREA_PATHS[area]} className={({ isActive }) => (isActive ? 'is-active' : undefined)} onClick={onNavigate}>
              <Icon name={area} />
              <span>{t(`areas.${area}.title`)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
