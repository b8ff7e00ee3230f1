import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { hrefFor } from '../app/routes';

/**
 * A warning, never a block: reviewers' comments not yet resolved and suggestions not yet decided,
 * with the way to the reviews screen. Says nothing when there are none (or the record cannot be read).
 */
export function OpenReviewsNotice({ id }: { id: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const [open, setOpen] = useState(0);
  useEffect(() => {
    let live = true;
    void api.getReviews(id).then((r) => live && r.ok && setOpen(r.value.openItems.length));
    return () => {
      live = false;
    };
  }, [api, id]);
  if (open === 0) return null;
  return (
    <p className="notice" data-testid="open-reviews">
      {t('merge:openNotice.text', { count: open })} <a href={hrefFor({ name: 'reviews', id })}>{t('merge:openNotice.link')}</a>
    </p>
  );
}
