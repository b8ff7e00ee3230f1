import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../core/i18n/languages';
import { isRequired } from '../../../../core/draft/validate';
import { mark } from '../../app/marks';
import { AssessmentHeader } from './assessment-header';
import { buildModel, itemState, passesFilter, matchesSearch, sectionOf, type Filter } from './form-model';
import { fieldKey, toAnswer, toFormValues, type FormValues } from '../../ui/answer-widgets/form-values';
import { ItemCard, itemDomId } from './item-card';
import { NoticesBanner } from './notices-banner';
import { uiLanguage } from '../../ui/answer-widgets/pack-text';
import { ProgressBar } from './progress-bar';
import { SectionNav } from './section-nav';
import { FormToolbar } from './form-toolbar';
import { SectionView, type ShownGroup } from './section-view';
import { useSession } from './session';
import { useHeldItem } from './use-held-item';
import { onItemKeys } from './use-item-keys';

const DISCRETE = new Set(['radio', 'checkbox', 'date', 'file', 'button']);
const wideScreen = () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 1100px)').matches;

/**
 * The checklist form. Inputs are uncontrolled (react-hook-form `register`): a keystroke changes
 * only the DOM and, through a watch subscription, the saver. The screen itself re-renders after a
 * short pause to update skip logic, progress and problems; item cards are memoized, so only those
 * whose state changed render again. One section is shown at a time (or the matches of a filter).
 */
export function FormScreen({ focusItem }: { focusItem?: string | undefined }) {
  const session = useSession();
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const { t, i18n } = useTranslation();
  const lng = uiLanguage(i18n.language);
  const { pack } = session;
  const byKey = useMemo(() => new Map(pack.sections.flatMap((s) => s.items).map((i) => [fieldKey(i.id), i])), [pack]);
  const form = useForm<FormValues>({ defaultValues: toFormValues(pack, session.answers()) });
  const [answers, setAnswers] = useState<Readonly<Record<string, unknown>>>(() => ({ ...session.answers() }));
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set());
  const [sectionId, setSectionId] = useState(() => (focusItem && sectionOf(pack, focusItem)?.id) || pack.sections[0]?.id || '');
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [guidanceOpen] = useState(wideScreen);
  const responseLang = session.draft.assessment.responseLanguage;
  const response = useMemo(() => ({ lang: responseLang, dir: directionOf(responseLang) }), [responseLang]);
  const draftForModel = useMemo(() => ({ ...session.draft, attachments: session.attachments }), [session.draft, session.attachments]);
  const model = useMemo(() => buildModel(pack, draftForModel, answers), [pack, draftForModel, answers]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = form.watch((_values, { name }) => {
      const key = name?.split('.')[0];
      const item = key ? byKey.get(key) : undefined;
      if (!key || !item) return;
      sessionRef.current.setAnswer(item.id, toAnswer(item, form.getValues(key)));
      clearTimeout(timer);
      // A click (choice, date, file) updates skip logic and progress at once; typing waits for a pause.
      const active = document.activeElement as HTMLInputElement | null;
      const typing = active !== null && (active.tagName === 'TEXTAREA' || (active.tagName === 'INPUT' && !DISCRETE.has(active.type)));
      timer = setTimeout(() => setAnswers({ ...sessionRef.current.answers() }), typing ? 150 : 0);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer);
    };
  }, [form, byKey]);

  useEffect(() => mark('form:shown'), []);

  // Leaving the form (another screen, another assessment) saves what is pending at once.
  useEffect(() => () => void sessionRef.current.autosaver.flush(), []);

  // An item counts as visited once focus leaves it (not when moving between its own controls). While
  // a pointer is down the update waits for it to come up: an error line appearing mid-click would move
  // the control being clicked from under the pointer and the click would be lost.
  const pointerDown = useRef(false);
  const leftItems = useRef(new Set<string>());
  const applyVisited = useCallback(() => {
    const ids = [...leftItems.current];
    leftItems.current.clear();
    if (ids.length > 0) setVisited((prev) => (ids.every((id) => prev.has(id)) ? prev : new Set([...prev, ...ids])));
  }, []);
  useEffect(() => {
    const down = () => (pointerDown.current = true);
    const up = () => {
      pointerDown.current = false;
      setTimeout(applyVisited, 0);
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
    };
  }, [applyVisited]);
  const markVisited = useCallback((target: EventTarget, next: EventTarget | null) => {
    const card = target instanceof Element ? target.closest('[data-item-card]') : null;
    if (!card || (next instanceof Node && card.contains(next))) return;
    const id = card.getAttribute('data-item-card');
    if (!id) return;
    leftItems.current.add(id);
    if (!pointerDown.current) applyVisited();
  }, [applyVisited]);

  // Opened at an item (from the completeness screen): show it, whatever the filter, and focus it.
  useEffect(() => {
    if (!focusItem) return;
    const section = sectionOf(pack, focusItem);
    if (section) setSectionId(section.id);
    setFilter('all');
    setQuery('');
    const frame = requestAnimationFrame(() => {
      const card = document.getElementById(itemDomId(focusItem));
      const target = card?.querySelector<HTMLElement>('input:not([type=file]), textarea, select, button') ?? card;
      card?.scrollIntoView?.({ block: 'center' });
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusItem, pack]);

  const filtering = filter !== 'all' || query.trim() !== '';
  const { held, onFocus } = useHeldItem(filtering, `${filter}|${query}|${sectionId}`);
  const groups: ShownGroup[] = useMemo(() => {
    const sections = filtering ? pack.sections : pack.sections.filter((s) => s.id === sectionId);
    return sections
      .map((section) => ({
        section,
        items: section.items.filter(
          (item) =>
            model.relevant.has(item.id) &&
            (item.id === held || (passesFilter(filter, item, answers[item.id], model.problems.get(item.id)) && matchesSearch(query, item, answers[item.id], lng))),
        ),
      }))
      .filter((g) => !filtering || g.items.length > 0);
  }, [filtering, pack, sectionId, model, filter, answers, query, lng, held]);
  const shownCount = groups.reduce((n, g) => n + g.items.length, 0);

  return (
    <FormProvider {...form}>
      <div className="form-screen">
        <AssessmentHeader current="form" saveStatus={false} />
        <NoticesBanner />
        <ProgressBar id="overall-progress" label={t('form:progress.overall')} progress={model.overall} />
        <div className="form-layout">
          <SectionNav
            pack={pack}
            model={model}
            answers={answers}
            current={filtering ? null : sectionId}
            onItem={(itemId) => {
              const card = document.getElementById(itemDomId(itemId));
              card?.scrollIntoView?.({ block: 'start' });
              card?.focus();
            }}
            onSelect={(id) => {
              setFilter('all');
              setQuery('');
              setSectionId(id);
              requestAnimationFrame(() => document.getElementById(`section-${id}`)?.focus());
            }}
          />
          <div className="form-main">
            <FormToolbar filter={filter} query={query} onFilter={setFilter} onQuery={setQuery} shown={filtering ? shownCount : null} autosaver={session.autosaver} />
            <form
              className="form-items"
              noValidate
              onSubmit={(event) => event.preventDefault()}
              onKeyDown={onItemKeys}
              onFocus={onFocus}
              onBlur={(event) => markVisited(event.target, event.relatedTarget)}
              aria-label={t('form:nav.form')}
            >
              {groups.map((group) => (
                <SectionView key={group.section.id} group={group} model={model} headingLevel={filtering ? 3 : 2} showSkipped={!filtering}>
                  {group.items.map((item) => (
                    <ItemCard
                      key={item.id}
                      item={item}
                      problems={model.problems.get(item.id)}
                      showRequired={visited.has(item.id) || filter === 'incomplete'}
                      badge={filter === 'incomplete' ? badgeOf(answers[item.id], model.problems.get(item.id)) : null}
                      leaving={item.id === held && !passesFilter(filter, item, answers[item.id], model.problems.get(item.id))}
                      required={isRequired(item, answers)}
                      response={response}
                      readOnly={session.readOnly}
                      guidanceOpen={guidanceOpen}
                    />
                  ))}
                </SectionView>
              ))}
              {filtering && shownCount === 0 && <p className="muted">{t('form:filter.none')}</p>}
            </form>
          </div>
        </div>
      </div>
    </FormProvider>
  );
}

/** Under "incomplete": listed for want of an answer, or for an answer to correct. */
function badgeOf(answer: unknown, problems: Parameters<typeof itemState>[1]): 'unanswered' | 'invalid' | null {
  const state = itemState(answer, problems);
  return state === 'answered' ? null : state;
}
