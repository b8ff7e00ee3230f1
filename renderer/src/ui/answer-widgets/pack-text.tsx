import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../../core/i18n/languages';
import { localize, type LocalizedText } from '../../../../core/checklist/localized';

/** The interface language as one of the six (i18next may report a region or an unknown code). */
export function uiLanguage(lng: string): Language {
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

/** Plain text of a pack string in the interface language (English when missing), for labels and search. */
export function packString(text: LocalizedText, lng: string): string {
  return localize(text, uiLanguage(lng)).text;
}

/**
 * A pack text in the interface language. A missing translation shows the English text, marked as
 * such and tagged `lang="en"` so a screen reader switches voice.
 */
export function PackText({ text }: { text: LocalizedText }) {
  const { t, i18n } = useTranslation();
  const shown = localize(text, uiLanguage(i18n.language));
  if (!shown.missing) return <>{shown.text}</>;
  return (
    <>
      <span lang="en" dir="ltr">
        {shown.text}
      </span>{' '}
      <span className="translation-missing">{t('drafts:translationMissing')}</span>
    </>
  );
}
