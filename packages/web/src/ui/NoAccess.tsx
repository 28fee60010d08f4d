import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Shown for a URL the role does not open; the nav never links here, but URLs get shared. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <section className="empty-page" data-testid="no-access">
      <div className="empty-code">403</div>
      <h1>{t('noAccess.title')}</h1>
      <p>{t('noAccess.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('noAccess.home')}
      </Link>
    </section>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="empty-page" data-testid="not-found">
      <div className="empty-code">404</div>
      <h1>{t('notFound.title')}</h1>
      <Link to="/" className="btn btn-primary">
        {t('noAccess.home')}
      </Link>
    </section>
  );
}
