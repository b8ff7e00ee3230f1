import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, OpenedAssessment } from '../../../../core/api/contract';
import type { AttachmentRef } from '../../../../core/draft/schema';
import { useApi } from '../../api/api-context';
import { hrefFor, type Route } from '../../app/routes';
import { ErrorMessage } from '../../ui/error-message';
import { AnswerContext, type AnswerContextValue } from '../../ui/answer-widgets/answer-context';
import { Autosaver } from './autosave';
import { SessionContext, type Session } from './session';
import { FormScreen } from './form-screen';
import { CompletenessScreen } from './completeness-screen';
import { HistoryScreen } from './history-screen';
import { DetailsScreen } from './details-screen';
import { takeNotices } from './pending-notices';
import { openWithPack, takeSettledOpening, type LoadedPack, type Opening } from './open-assessment';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';
import { usePackInLanguage } from './use-pack-language';
import type { Language } from '../../../../core/i18n/languages';

type Loaded = { opened: OpenedAssessment; pack: LoadedPack; language: Language };
type LoadState = { kind: 'loading' } | { kind: 'ready'; data: Loaded } | { kind: 'failed'; error: ApiError };

// How many sessions of each assessment are mounted: a quick remount must not close the one in use.
const openSessions = new Map<string, number>();
// The last save of a session being left: closing waits for it, or the core would refuse that save.
const finalSaves = new Map<string, Promise<void>>();
// A close on its way: opening the same assessment again waits for it, or the close would end the new session.
const closings = new Map<string, Promise<void>>();

function loaded(id: string, result: Extract<Opening, { ok: true }>): Loaded {
  const notices = [...takeNotices(id), ...result.opened.notices];
  return { opened: { ...result.opened, notices }, pack: result.pack, language: result.language };
}

/** Opens the assessment for its screens and closes it (after a last save) when the user leaves it. */
export function AssessmentSession({ route, children }: { route: Extract<Route, { id: string }>; /** Another task's screen, shown inside the session. */ children?: ReactNode }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const id = route.id;
  // The language at opening; a later switch is the ready session's business (it must not reopen).
  const openLanguage = useRef(uiLanguage(i18n.language));
  // Opened at start-up and already there: the first render shows the screen, not a loading line.
  const [state, setState] = useState<LoadState>(() => {
    const early = takeSettledOpening(api, id);
    return early ? { kind: 'ready', data: loaded(id, early) } : { kind: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  const openedAtMount = useRef(state.kind === 'ready');

  useEffect(() => {
    let live = true;
    openSessions.set(id, (openSessions.get(id) ?? 0) + 1);
    if (openedAtMount.current) openedAtMount.current = false;
    else
      void (async () => {
        await closings.get(id);
        const result = await openWithPack(api, id, openLanguage.current);
        if (!result.ok) return live && setState({ kind: 'failed', error: result.error });
        if (live) setState({ kind: 'ready', data: loaded(id, result) });
      })();
    return () => {
      live = false;
      const left = (openSessions.get(id) ?? 1) - 1;
      openSessions.set(id, left);
      // The session below starts its final save in its own cleanup; close once that save is done.
      setTimeout(() => {
        const closing = (finalSaves.get(id) ?? Promise.resolve()).then(async () => {
          if ((openSessions.get(id) ?? 0) === 0) await api.closeAssessment(id);
        });
        closings.set(id, closing);
        void closing.finally(() => closings.get(id) === closing && closings.delete(id));
      }, 0);
    };
  }, [api, id, attempt]);

  if (state.kind === 'loading') return <p className="muted" role="status">{t('form:loading')}</p>;
  if (state.kind === 'failed') {
    return (
      <div className="stack">
        <ErrorMessage error={state.error} onRetry={() => { setState({ kind: 'loading' }); setAttempt((n) => n + 1); }} />
        <a href={hrefFor({ name: 'home' })}>{t('form:nav.home')}</a>
      </div>
    );
  }
  return (
    <ReadySession data={state.data} route={route}>
      {children}
    </ReadySession>
  );
}

function ReadySession({ data, route, children }: { data: Loaded; route: Extract<Route, { id: string }>; children?: ReactNode }) {
  const api = useApi();
  const [opened, setOpened] = useState(data.opened);
  const pack = usePackInLanguage(data);
  const [notices, setNotices] = useState(data.opened.notices);
  const [attachments, setAttachments] = useState<AttachmentRef[]>(data.opened.draft.attachments);
  const [generation, setGeneration] = useState(0);
  const answers = useRef<Record<string, unknown>>({ ...data.opened.draft.answers });
  const id = data.opened.draft.id;
  const autosaver = useMemo(
    () => new Autosaver({ save: (changes) => api.saveAnswers(id, changes), baseline: data.opened.draft.answers }),
    [api, id, data.opened.draft.answers],
  );

  useEffect(() => {
    autosaver.resume();
    const flush = () => void autosaver.flush();
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', hidden);
      const last = autosaver.flush().finally(() => autosaver.dispose());
      finalSaves.set(id, last);
      void last.finally(() => finalSaves.get(id) === last && finalSaves.delete(id));
    };
  }, [autosaver, id]);

  const addAttachment = useCallback<Session['addAttachment']>(
    async (file) => {
      const result = await api.addAttachment(file, id);
      if (!result.ok) return { ok: false, error: result.error };
      const ref = result.value.attachment;
      setAttachments((list) => (list.some((a) => a.sha256 === ref.sha256) ? list : [...list, ref]));
      return { ok: true, ref };
    },
    [api, id],
  );

  const session = useMemo<Session>(
    () => ({
      id,
      draft: opened.draft,
      pack: pack.pack,
      translationGaps: pack.translationGaps,
      readOnly: opened.readOnly,
      notices,
      dismissNotice: (index) => setNotices((list) => list.filter((_, i) => i !== index)),
      autosaver,
      answers: () => answers.current,
      setAnswer: (itemId, value) => {
        if (value === null || value === undefined) delete answers.current[itemId];
        else answers.current[itemId] = value;
        autosaver.change(itemId, value ?? null);
      },
      attachments,
      addAttachment,
      generation,
      replaceWith: (next) => {
        answers.current = { ...next.draft.answers };
        autosaver.reset(next.draft.answers);
        setOpened(next);
        setAttachments(next.draft.attachments);
        setNotices(next.notices);
        setGeneration((g) => g + 1);
      },
      setMeta: (meta) => setOpened((o) => ({ ...o, draft: { ...o.draft, assessment: meta } })),
    }),
    [id, opened, pack, notices, autosaver, attachments, addAttachment, generation],
  );

  const answerContext = useMemo<AnswerContextValue>(() => ({ pack: pack.pack, attachments, addAttachment }), [pack.pack, attachments, addAttachment]);

  return (
    <SessionContext.Provider value={session}>
      <AnswerContext.Provider value={answerContext}>
      {route.name === 'form' && <FormScreen key={generation} focusItem={route.itemId} />}
      {route.name === 'completeness' && <CompletenessScreen />}
      {route.name === 'history' && <HistoryScreen />}
      {route.name === 'details' && <DetailsScreen />}
        {children}
      </AnswerContext.Provider>
    </SessionContext.Provider>
  );
}
