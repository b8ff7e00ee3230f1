import { useTranslation } from 'react-i18next';
import type { TFunction, i18n as I18n } from 'i18next';
import type { ApiError } from '../../../core/api/contract';

/**
 * The user's words for an API failure: the error's code is an i18next key. A code this build does
 * not know still yields a translated sentence, never the raw code or a stack trace.
 */
export function translateError(t: TFunction, i18n: I18n, error: ApiError): string {
  if (i18n.exists(error.code)) return t(error.code, error.params ?? {});
  return t('errors.unexpected');
}

interface ErrorMessageProps {
  error: ApiError;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ErrorMessage({ error, onRetry, onDismiss }: ErrorMessageProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="error-message" role="alert">
      <p className="error-message__text">
        <strong className="error-message__title">{t('errors.title')}</strong> {translateError(t, i18n, error)}
      </p>
      {(onRetry || onDismiss) && (
        <div className="error-message__actions">
          {onRetry && (
            <button type="button" className="button button--secondary" onClick={onRetry}>
              {t('errors.retry')}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="button button--quiet" onClick={onDismiss}>
              {t('errors.dismiss')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
