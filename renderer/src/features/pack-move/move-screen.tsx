import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MovePreview, PreviewEntryInfo } from '../../../../core/api/contract';
import { LANGUAGES, type Language } from '../../../../core/i18n/languages';
import { useApi } from '../../api/api-context';
import { hrefFor, navigate } from '../../app/routes';
import { useFormatters } from '../../i18n/use-formatters';
import { ErrorMessage } from '../../ui/error-message';
import { countryLabel } from '../../ui/country-label';
import { useSession } from '../assessment/session';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';
import { answerText } from '../assessment/answer-text';
import { localize } from '../../../../core/checklist/localized';
import type { ChecklistPack } from '../../../../core/checklist/schema';
import './move-screen.css';

type State = { kind: 'loading' } | { kind: 'ready'; preview: MovePreview } | { kind: 'failed'; error: ApiError };

const KINDS = ['kept', 'moved', 'textChanged', 'typeChanged', 'removed', 'new', 'unknown'] as const;

function pick(text: Partial<Record<Language, string>> | null | undefined, lng: Language): { text: string; lang: Language } | null {
  if (!text) return null;
  const lang = [lng, 'en' as const, ...LANGUAGES].find((l) => text[l]);
  return lang ? { text: text[lang] as string, lang } : null;
}

/**
 * Moving the open assessment to a newer version of its checklist: first the preview, question by
 * question (unchanged, moved, reworded "please check", type or choices changed, removed, new), then
 * "Move", which saves a new revision (Saved versions undoes it). Nothing changes before that.
 */
export function MoveScreen({ version }: { version: string }) {
  const api = useApi();
  const session = useSession();
  const { t, i18n } = useTranslation();
  const lng = uiLanguage(i18n.language);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const to = { id: session.draft.checklist.id, version };
  const onVersion = session.draft.checklist.version === version;

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    // The preview counts the answers as saved: what is typed goes first.
    await session.autosaver.flush();
    const result = await api.previewMove(session.id, { id: to.id, version });
    setState(result.ok ? { kind: 'ready', preview: result.value } : { kind: 'failed', error: result.error });
  }, [api, session.id, session.autosaver, to.id, version]);

  useEffect(() => {
    document.getElementById('move-title')?.focus();
    if (!onVersion) void load();
  }, [load, onVersion]);

  async function move() {
    setError(null);
    setMoving(true);
    await session.autosaver.flush();
    const result = await api.moveAssessment(session.id, to);
    if (!result.ok) {
      setMoving(false);
      return setError(result.error);
    }
    try {
      await session.replaceWith(result.value);
    } catch {
      setMoving(false);
      return setError({ code: 'errors.unexpected' });
    }
    navigate({ name: 'form', id: session.id });
  }

  const formHref = hrefFor({ name: 'form', id: session.id });
  return (
    <section className="move-screen" aria-labelledby="move-title" aria-busy={state.kind === 'loading'}>
      <nav className="breadcrumbs" aria-label={t('form:nav.breadcrumbs')}>
        <a href={hrefFor({ name: 'home' })}>{t('form:nav.home')}</a>
        <span aria-hidden="true"> › </span>
        <a href={formHref}>{countryLabel(session.draft.assessment.countryCode, i18n.language, t)}</a>
      </nav>
      <h2 id="move-title" className="page-title" tabIndex={-1}>
        {t('packs:move.title', { version })}
      </h2>
      <p>{t('packs:move.intro', { from: session.draft.checklist.version, to: version })}</p>
      {onVersion && <p role="status">{t('packs:move.already', { version })}</p>}
      {state.kind === 'loading' && !onVersion && <p className="muted" role="status">{t('form:loading')}</p>}
      {state.kind === 'failed' && <ErrorMessage error={state.error} />}
      {state.kind === 'ready' && !onVersion && (
        <>
          <Summary preview={state.preview} />
          <div className="table-wrap">
            <table className="table move-table">
              <caption className="visually-hidden">{t('packs:move.tableCaption', { from: state.preview.from.version, to: version })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('packs:move.question')}</th>
                  <th scope="col">{t('packs:move.change')}</th>
                  <th scope="col">{t('packs:move.yourAnswer')}</th>
                </tr>
              </thead>
              <tbody>
                {state.preview.entries.map((entry) => (
                  <Row key={`${entry.oldId ?? ''}>${entry.newId ?? ''}`} entry={entry} lng={lng} answer={entry.oldId === null ? undefined : session.answers()[entry.oldId]} />
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('packs:move.undo')}</p>
          {session.readOnly && <p role="note">{t('packs:move.readOnly')}</p>}
        </>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      <div className="form-actions">
        <a className="button button--quiet" href={formHref}>
          {t('packs:move.cancel')}
        </a>
        {state.kind === 'ready' && !onVersion && (
          <button type="button" className="button button--primary" disabled={moving || session.readOnly} onClick={() => void move()}>
            {moving ? t('packs:move.moving') : t('packs:move.confirm', { version })}
          </button>
        )}
      </div>
    </section>
  );
}

function Summary({ preview }: { preview: MovePreview }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const shown = KINDS.filter((k) => (preview.counts[k] ?? 0) > 0);
  return (
    <div className="move-summary">
      <ul className="move-summary__counts" aria-label={t('packs:move.summary')}>
        {shown.map((kind) => (
          <li key={kind} className={`move-chip move-chip--${kind}`}>
            <strong>{format.number(preview.counts[kind] ?? 0)}</strong> {t(`packs:preview.kind.${kind}`)}
          </li>
        ))}
      </ul>
      <p>
        {t('packs:move.answersKept', { count: preview.answers.kept + preview.answers.converted })}{' '}
        {preview.answers.retained > 0 && t('packs:move.answersRetained', { count: preview.answers.retained })}{' '}
        {preview.pleaseCheck > 0 && <strong>{t('packs:move.pleaseCheckCount', { count: preview.pleaseCheck })}</strong>}
      </p>
    </div>
  );
}

/** The answer as given, shortened: enough to recognise it in the preview. */
const SHOWN_CHARS = 160;

/** A choice or a status by its label in the draft's version (the ids mean nothing to a reader). */
function labelled(answer: unknown, itemId: string, pack: ChecklistPack, lng: Language): unknown {
  const item = pack.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  if (!item) return answer;
  const option = (id: unknown) => {
    const found = 'options' in item && item.options ? item.options.find((o) => o.id === id) : undefined;
    return found ? localize(found.label, lng).text : id;
  };
  if (item.type === 'status' && typeof answer === 'string' && answer in pack.labels.status) return localize(pack.labels.status[answer as keyof typeof pack.labels.status], lng).text;
  if (item.type === 'single') return option(answer);
  if (item.type === 'multi' && Array.isArray(answer)) return answer.map(option).join(', ');
  return answer;
}

function Row({ entry, lng, answer }: { entry: PreviewEntryInfo; lng: Language; answer: unknown }) {
  const { t } = useTranslation();
  const session = useSession();
  const { responseLanguage } = session.draft.assessment;
  const given = entry.answer === 'none' || answer === undefined || entry.oldId === null ? '' : answerText(labelled(answer, entry.oldId, session.pack, lng), { yes: t('form:yes'), no: t('form:no') });
  const shown = given.length > SHOWN_CHARS ? `${given.slice(0, SHOWN_CHARS)}…` : given;
  const title = pick(entry.title, lng);
  const note = pick(entry.note, lng);
  const ids = entry.oldId && entry.newId && entry.oldId !== entry.newId ? `${entry.oldId} → ${entry.newId}` : (entry.newId ?? entry.oldId ?? '');
  const extra = [entry.kind !== 'textChanged' && entry.textChanged && t('packs:preview.kind.textChanged'), entry.kind !== 'typeChanged' && (entry.typeChanged || entry.optionsChanged) && t('packs:preview.kind.typeChanged')].filter(Boolean);
  return (
    <tr className={entry.pleaseCheck ? 'move-row move-row--check' : 'move-row'}>
      <th scope="row">
        <bdi dir="ltr" className="move-row__id">{ids}</bdi>
        <span className="move-row__title" lang={title?.lang}>
          {title ? title.text : t('report:retired.unknownQuestion')}
        </span>
      </th>
      <td>
        <div className="move-row__change">
          <span className={`move-chip move-chip--${entry.kind}`}>{t(`packs:preview.kind.${entry.kind}`)}</span>
          {extra.length > 0 && <span className="muted">({extra.join(', ')})</span>}
          {entry.pleaseCheck && <strong className="badge badge--warn">{t('packs:preview.pleaseCheck')}</strong>}
        </div>
        {note && (
          <p className="move-row__note" lang={note.lang}>
            {note.text}
          </p>
        )}
      </td>
      <td>
        {t(`packs:preview.answer.${entry.answer}`)}
        {entry.reason && entry.answer === 'retained' && <span className="muted"> — {t(`report:retired.reason.${entry.reason}`)}</span>}
        {shown && (
          <p className="move-row__answer" lang={responseLanguage}>
            {shown}
          </p>
        )}
      </td>
    </tr>
  );
}
