// An in-memory core for the workflow screens: drafts of the sample pack, saves, history, validation,
// portable copies and attachments — enough to drive the renderer through the contract in component tests.
import { vi } from 'vitest';
import type { Api, ApiResult, AssessmentSummary, UploadApi, OpenedAssessment, RendererApi } from '../../../core/api/contract';
import { draftProgress } from '../../../core/draft/progress';
import { loadSamplePack } from '../../../core/checklist/sample';
import { newDraft } from '../../../core/draft/create';
import type { Draft } from '../../../core/draft/schema';
import { validateDraft } from '../../../core/draft/validate';
import { createFakeApi, type FakeApiOptions } from './fake-api';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const parseCopy = (text: string): Draft | null => {
  try {
    return JSON.parse(text) as Draft;
  } catch {
    return null;
  }
};
const fail = (code: string): ApiResult<never> => ({ ok: false, error: { code } });

export interface FakeWorkflow {
  api: RendererApi & { [K in keyof Api]: ReturnType<typeof vi.fn<Api[K]>> } & { addAttachment: ReturnType<typeof vi.fn<UploadApi['addAttachment']>> };
  drafts: Map<string, Draft>;
  /** Seed an assessment of the sample pack with some answers; returns its id. */
  seed(answers?: Record<string, unknown>, responseLanguage?: Draft['assessment']['responseLanguage']): string;
}

export function createFakeWorkflow(options: FakeApiOptions = {}): FakeWorkflow {
  const { pack, translationGaps } = loadSamplePack();
  const drafts = new Map<string, Draft>();
  const history = new Map<string, Draft[]>();
  let counter = 0;
  const opened = (draft: Draft, notices: OpenedAssessment['notices'] = []): OpenedAssessment => ({ draft: structuredClone(draft), notices, readOnly: false });
  const keep = (draft: Draft) => {
    drafts.set(draft.id, draft);
    history.set(draft.id, [...(history.get(draft.id) ?? []), structuredClone(draft)]);
  };
  const create = (meta: Parameters<Api['createAssessment']>[0]) => {
    counter += 1;
    const draft = newDraft(meta, pack, new Date('2026-11-20T10:00:00Z'), `draft-${counter}`);
    keep(draft);
    return draft;
  };
  const summaryOf = (d: Draft): AssessmentSummary => ({
    id: d.id,
    countryCode: d.assessment.countryCode,
    checklistId: d.checklist.id,
    checklistVersion: d.checklist.version,
    responseLanguage: d.assessment.responseLanguage,
    revision: d.revision,
    updatedAt: d.updatedAt,
    progress: draftProgress(pack, d.answers),
    submission: null,
    archivedAt: null,
    copy: null,
  });
  const bump = (draft: Draft) => ({ ...draft, revision: draft.revision + 1, updatedAt: new Date(Date.UTC(2026, 10, 20, 10, draft.revision + 1)).toISOString() });

  const api = createFakeApi({
    ...options,
    overrides: {
      listPacks: vi.fn<Api['listPacks']>(async () =>
        ok([{ id: pack.id, version: pack.version, title: pack.title, languages: pack.languages, itemCount: 13, isDefault: true, origin: 'bundled' as const }]),
      ),
      getPack: vi.fn<Api['getPack']>(async (ref) => (ref.id === pack.id ? ok({ pack, translationGaps }) : fail('errors.notFound'))),
      createAssessment: vi.fn<Api['createAssessment']>(async (meta) => ok(opened(create(meta)))),
      openAssessment: vi.fn<Api['openAssessment']>(async (id) => {
        const draft = drafts.get(id);
        return draft ? ok(opened(draft)) : fail('drafts:errors.notFound');
      }),
      closeAssessment: vi.fn<Api['closeAssessment']>(async () => ok(null)),
      saveAnswers: vi.fn<Api['saveAnswers']>(async (id, changes) => {
        const draft = drafts.get(id);
        if (!draft) return fail('drafts:errors.notFound');
        const answers = { ...draft.answers };
        for (const [item, value] of Object.entries(changes)) {
          if (value === null) delete answers[item];
          else answers[item] = value;
        }
        const next = { ...bump(draft), answers };
        keep(next);
        return ok({ revision: next.revision, updatedAt: next.updatedAt });
      }),
      listHistory: vi.fn<Api['listHistory']>(async (id) =>
        ok((history.get(id) ?? []).map((d) => ({ revision: d.revision, savedAt: d.updatedAt, size: JSON.stringify(d).length }))),
      ),
      restoreVersion: vi.fn<Api['restoreVersion']>(async (id, revision) => {
        const draft = drafts.get(id);
        const old = history.get(id)?.find((d) => d.revision === revision);
        if (!draft || !old) return fail('drafts:errors.snapshotNotFound');
        const next = { ...bump(draft), answers: structuredClone(old.answers) };
        keep(next);
        return ok(opened(next));
      }),
      validateAssessment: vi.fn<Api['validateAssessment']>(async (id) => {
        const draft = drafts.get(id);
        return draft ? ok(validateDraft(draft, pack)) : fail('drafts:errors.notFound');
      }),
      exportCopy: vi.fn<Api['exportCopy']>(async (id) => {
        const draft = drafts.get(id);
        return draft ? ok({ fileName: `${draft.assessment.countryCode}.scsa.json`, text: JSON.stringify(draft) }) : fail('drafts:errors.notFound');
      }),
      inspectCopy: vi.fn<Api['inspectCopy']>(async (copy) => {
        const parsed = parseCopy(copy.text);
        if (!parsed) return { ok: false, error: { code: 'drafts:errors.importInvalid', params: { file: copy.fileName } } };
        const mine = drafts.get(parsed.id);
        const existing = mine
          ? { countryCode: mine.assessment.countryCode, revision: mine.revision, updatedAt: mine.updatedAt, archived: false, sameContent: JSON.stringify(mine.answers) === JSON.stringify(parsed.answers) }
          : null;
        const countriesHere = [...new Set([...drafts.values()].map((d) => d.assessment.countryCode))].sort();
        const { id, revision, updatedAt } = parsed;
        return ok({ fileName: copy.fileName, draft: { id, revision, updatedAt, countryCode: parsed.assessment.countryCode, responseLanguage: parsed.assessment.responseLanguage }, existing, countriesHere });
      }),
      // Like the core: a copy whose id is here needs a choice; "keep both" numbers it, "replace" makes it the next revision.
      importCopy: vi.fn<Api['importCopy']>(async (copy, mode) => {
        const parsed = parseCopy(copy.text);
        if (!parsed) return { ok: false, error: { code: 'drafts:errors.importInvalid', params: { file: copy.fileName } } };
        const mine = drafts.get(parsed.id);
        if (mine && mode === undefined) return { ok: false, error: { code: 'drafts:errors.importExists', params: { file: copy.fileName } } };
        if (mine && mode === 'replace') {
          const next = { ...bump(mine), answers: parsed.answers };
          keep(next);
          return ok(opened(next, [{ code: 'drafts:notices.replacedFromCopy', params: { file: copy.fileName, revision: next.revision } }]));
        }
        const draft = mine ? { ...parsed, id: `imported-${++counter}` } : parsed;
        keep(draft);
        return ok(opened(draft, mine ? [{ code: 'drafts:notices.keptAsCopy', params: { n: 1 } }] : []));
      }),
      updateAssessment: vi.fn<Api['updateAssessment']>(async (id, meta) => {
        const draft = drafts.get(id);
        if (!draft) return fail('drafts:errors.notFound');
        const next = { ...bump(draft), assessment: meta };
        keep(next);
        return ok({ revision: next.revision, updatedAt: next.updatedAt });
      }),
      getAssessmentOverview: vi.fn<Api['getAssessmentOverview']>(async (id) => {
        const draft = drafts.get(id);
        return draft ? ok({ summary: summaryOf(draft), assessment: draft.assessment }) : fail('drafts:errors.notFound');
      }),
    },
  });
  const addAttachment = vi.fn<UploadApi['addAttachment']>(async (file, id) => {
    const draft = drafts.get(id);
    if (!draft) return fail('drafts:errors.notFound');
    const sha256 = (file.name.length.toString(16) + 'ab'.repeat(32)).slice(0, 64);
    const attachment = { sha256, name: file.name, size: file.size, mediaType: file.type || 'application/octet-stream' };
    const next = { ...bump(draft), attachments: [...draft.attachments, attachment] };
    keep(next);
    return ok({ attachment, revision: next.revision });
  });
  const full = Object.assign(api, { addAttachment }) as unknown as FakeWorkflow['api'];
  return {
    api: full,
    drafts,
    seed(answers = {}, responseLanguage = 'en') {
      const draft = create({ countryCode: 'FRA', responseLanguage, focalPoints: [{ name: 'Ana', title: '', institution: '', email: '', phone: '' }], contributingInstitutions: [], periodCovered: null });
      const next = { ...draft, answers: answers as Draft['answers'] };
      drafts.set(next.id, next);
      history.set(next.id, [structuredClone(next)]);
      return next.id;
    },
  };
}
