import { useTranslation } from 'react-i18next';
import type { TextPart } from '../../../../core/diff/text';

/**
 * A text with its word-level changes: deleted words struck through in `<del>`, inserted ones
 * underlined in `<ins>`, each announced to a screen reader (the colour is never the only sign).
 * `dir="auto"`: an Arabic answer reads right to left inside a left-to-right screen and the reverse.
 */
export function TextParts({ parts, lang }: { parts: readonly TextPart[]; lang?: string }) {
  const { t } = useTranslation();
  return (
    <div className="item-diff__text" dir="auto" lang={lang}>
      {parts.map((p, i) =>
        p.op === 'equal' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'insert' ? (
          <ins key={i}>
            <span className="visually-hidden">{t('merge:diff.insertedStart')} </span>
            {p.text}
            <span className="visually-hidden"> {t('merge:diff.insertedEnd')}</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">{t('merge:diff.deletedStart')} </span>
            {p.text}
            <span className="visually-hidden"> {t('merge:diff.deletedEnd')}</span>
          </del>
        ),
      )}
    </div>
  );
}

/** One value replaced by another: "before → after", each side named. */
export function ValueSwap({ before, after, lang }: { before: string; after: string; lang?: string }) {
  const { t } = useTranslation();
  return (
    <span className="item-diff__swap">
      <del>
        <span className="item-diff__side">{t('merge:diff.before')}</span> <bdi lang={lang}>{before}</bdi>
      </del>
      {/* The arrow is drawn by the style sheet, pointing the way the page reads. */}
      <span aria-hidden="true" className="item-diff__arrow" />
      <ins>
        <span className="item-diff__side">{t('merge:diff.after')}</span> <bdi lang={lang}>{after}</bdi>
      </ins>
    </span>
  );
}
