import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../../core/checklist/schema';
import { keptItem } from '../../../../core/draft/kept-words';
import type { RetiredAnswer } from '../../../../core/draft/retired';
import { LANGUAGES, type Language } from '../../../../core/i18n/languages';
import { answerText } from './answer-text';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';
import { AnswerView } from '../../ui/item-diff/answer-view';
import { answerWords } from '../../ui/item-diff/answer-words';
import { useOldItems } from '../../ui/item-diff/kept-old-items';
import { useSession } from './session';
import './kept-answers.css';

export const KEPT_ANSWERS_ID = 'kept-answers';

/** A text of a kept question in `lng`, else English, else any language it has, with that language. */
function pick(text: Partial<Record<Language, string>> | undefined, lng: Language): { text: string; lang: Language } | null {
  if (!text) return null;
  const lang = [lng, 'en' as const, ...LANGUAGES].find((l) => text[l]);
  return lang ? { text: text[lang] as string, lang } : null;
}

/** Copy to the clipboard; the older way where the clipboard API is not offered. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    const done = document.execCommand?.('copy') ?? false;
    area.remove();
    return done;
  }
}

/**
 * "Answers to questions no longer in the checklist": what a move to a new checklist version kept
 * aside, read-only, each with the question as it was asked and a button to copy the answer (to
 * paste it where it belongs now). Choices and table columns read in the words of the version the
 * answer was given for (kept with it; see core/draft/kept-words.ts). Nothing shows when the draft
 * kept nothing.
 */
export function KeptAnswers() {
  const { t, i18n } = useTranslation();
  const { draft } = useSession();
  const kept = draft.retiredAnswers;
  const [copied, setCopied] = useState<number | null>(null);
  const lng = uiLanguage(i18n.language);
  const oldItem = useOldItems(kept, lng);
  if (kept.length === 0) return null;
  return (
    <section id={KEPT_ANSWERS_ID} className="card kept-answers" aria-labelledby="kept-answers-title" tabIndex={-1}>
      <h2 id="kept-answers-title" className="card__title">
        {t('report:retired.title')}
      </h2>
      <p className="muted">{t('packs:kept.intro', { count: kept.length })}</p>
      <ol className="kept-answers__list">
        {kept.map((entry, index) => (
          <KeptAnswer key={`${entry.itemId}-${entry.retiredAt}-${index}`} entry={entry} item={keptItem(entry, oldItem(entry))} lng={lng} copied={copied === index} onCopy={async (text) => setCopied((await copyText(text)) ? index : null)} />
        ))}
      </ol>
      <p className="visually-hidden" role="status">
        {copied !== null ? t('packs:kept.copied') : ''}
      </p>
    </section>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The answer as text to copy: choices and columns in the same words the panel shows. */
function copyTextOf(item: ChecklistItem, answer: unknown, words: ReturnType<typeof answerWords>, yesNo: { yes: string; no: string }): string {
  if (item.type === 'single' || item.type === 'multi' || item.type === 'status') return words.value(item, answer);
  if (item.type === 'table' && Array.isArray(answer)) {
    const filled = (v: unknown) => v !== undefined && v !== null && v !== '';
    return answer
      .filter(isRecord)
      .map((row) => item.columns.filter((c) => filled(row[c.id])).map((c) => `${words.column(item, c.id)}: ${words.value(item, row[c.id], c.id)}`).join('; '))
      .join('\n');
  }
  return answerText(answer, yesNo);
}

function KeptAnswer({ entry, item, lng, copied, onCopy }: { entry: RetiredAnswer; item: ChecklistItem; lng: Language; copied: boolean; onCopy: (text: string) => void }) {
  const { t } = useTranslation();
  const answerId = useId();
  const { draft, pack } = useSession();
  const { responseLanguage } = draft.assessment;
  const title = pick(entry.title, lng);
  const note = pick(entry.note, lng);
  const text = copyTextOf(item, entry.answer, answerWords(pack, lng, t), { yes: t('form:yes'), no: t('form:no') });
  return (
    <li className="kept-answer">
      <h3 className="kept-answer__question">
        <bdi dir="ltr" className="kept-answer__id">{entry.itemId}</bdi>{' '}
        {title ? <span lang={title.lang}>{title.text}</span> : t('report:retired.unknownQuestion')}
      </h3>
      <dl className="kept-answer__facts">
        <div>
          <dt>{t('report:retired.answeredFor')}</dt>
          <dd>{t('packs:kept.version', { version: entry.checklist.version })}</dd>
        </div>
        <div>
          <dt>{t('packs:kept.why')}</dt>
          <dd>{t(`report:retired.reason.${entry.reason}`)}</dd>
        </div>
        {entry.newItemId && (
          <div>
            <dt>{t('report:retired.replacedBy')}</dt>
            <dd><bdi dir="ltr">{entry.newItemId}</bdi></dd>
          </div>
        )}
        {note && (
          <div>
            <dt>{t('report:retired.note')}</dt>
            <dd lang={note.lang}>{note.text}</dd>
          </div>
        )}
      </dl>
      <p className="kept-answer__label" id={`${answerId}-label`}>
        {t('packs:kept.answer')}
      </p>
      <div className="kept-answer__text" aria-labelledby={`${answerId}-label`} role="group">
        <AnswerView pack={pack} item={item} answer={entry.answer} lang={responseLanguage} />
      </div>
      <button type="button" className="button button--secondary button--small" onClick={() => onCopy(text)}>
        {copied ? t('packs:kept.copiedButton') : t('packs:kept.copy')}
        <span className="visually-hidden"> ({entry.itemId})</span>
      </button>
    </li>
  );
}
