import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import { keptItem } from '../../../../core/draft/kept-words';
import type { RetiredAnswer } from '../../../../core/draft/retired';
import { LANGUAGES, type Language } from '../../../../core/i18n/languages';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';
import { AnswerView } from '../../ui/item-diff/answer-view';
import { useOldItems } from '../../ui/item-diff/kept-old-items';

/** A kept text in `lng`, else English, else any language it has, with that language. */
function pick(text: Partial<Record<Language, string>> | undefined, lng: Language): { text: string; lang: Language } | null {
  const lang = text ? [lng, 'en' as const, ...LANGUAGES].find((l) => text[l]) : undefined;
  return text && lang ? { text: text[lang] as string, lang } : null;
}

/**
 * The submission's answers to questions no longer in the checklist (submission.json
 * `retiredAnswers`), read-only as the country's report prints them: the question as it was asked,
 * the version it was answered for, why it has no place now, and the answer with its choices and
 * columns in that version's words.
 */
export function ReaderKept({ kept, pack, lang, fileNames }: { kept: readonly RetiredAnswer[]; pack: ChecklistPack; lang: string; fileNames: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const lng = uiLanguage(i18n.language);
  const oldItem = useOldItems(kept, lng);
  if (kept.length === 0) return null;
  return (
    <section aria-labelledby="reader-kept" className="secretariat__reader-section">
      <h3 id="reader-kept">{t('report:retired.title')}</h3>
      <dl className="secretariat__items">
        {kept.map((entry, index) => {
          const title = pick(entry.title, lng);
          return (
            <div key={`${entry.itemId}-${entry.retiredAt}-${index}`} className="secretariat__item" data-kept={entry.itemId}>
              <dt>
                <span className="secretariat__item-id">{entry.itemId}</span> {title ? <span lang={title.lang}>{title.text}</span> : t('report:retired.unknownQuestion')}
                <div className="small muted secretariat__kept-why">
                  {t('secretariat:app.reader.keptFor', { version: entry.checklist.version })} · {t(`report:retired.reason.${entry.reason}`)}
                </div>
              </dt>
              <dd>
                <AnswerView pack={pack} item={keptItem(entry, oldItem(entry))} answer={entry.answer} lang={lang} fileNames={fileNames} textClassName="secretariat__answer" />
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
