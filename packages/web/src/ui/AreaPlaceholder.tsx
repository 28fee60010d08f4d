import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaId } from '@linia/engine';
import { Icon } from './icons.tsx';

/**
 * The start page of an area whose features are still to come: it tells the user, in their
 * language, what this area will hold, so the navigation already makes sense.
 */
export function AreaPlaceholder({ area, children }: { area: AreaId; children?: ReactNode }) {
  const { t } = useTranslation();
  const features = t(`areas.${area}.features`, { returnObjects: true }) as unknown;
  const list = Array.isArray(features) ? (features as { title: string; text: string }[]) : [];
  return (
    <section className="placeholder" data-testid={`area-${area}`}>
      <div className="placeholder-hero">
        <span className="placeholder-icon">
          <Icon name={area} size={28} />
        </span>
        <div>
          <h1>{t(`areas.${area}.title`)}</h1>
          <p className="page-subtitle">{t(`areas.${area}.lead`)}</p>
        </div>
      </div>
      {children}
      <h2 className="section-title">{t('placeholder.coming')}</h2>
      <ul className="feature-grid">
        {list.map((f) => (
          <li key={f.title} className="feature-card">
            <h3>{f.title}</h3>
            <p>{f.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
