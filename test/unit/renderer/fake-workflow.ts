// An in-memory core for the workflow screens: drafts of the sample pack, saves, history, validation,
// portable copies and attachments — enough to drive the renderer through the contract in component tests.
import { vi } from 'vitest';
import type { Api, ApiResult, UploadApi, OpenedAssessment, RendererApi } from '../../../core/api/contract';
import { loadSamplePack } from '../../../core/checklist/sample';
import { newDraft } from '../../../core/draft/create';
import type { Draft } from '../../../core/draft/schema';
import { validateDraft } from '../../../core/draft/validate';
import { createFakeApi, type FakeApiOptions } from './fake-api';

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
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
  const bump = (draft: Draft) => ({ ...draft, revision: draft.revision + 1, updatedAt: new Date(Date.UTC(2026, 10, 20, 10, draft.revision + 1)).toISOString() });

  const api = createFakeApi({
    ...options,
    overrides: {
      listPacks: vi.fn<Api['listPacks']>(async () =>
        ok([{ id: pack.id, version: pack.version, title: pack.title, languages: pack.languages, itemCount: 13, isDefault: true }]),
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
      updateAssessment: vi.fn<Api['updateAssessment']>(async () => fail('errors.unexpected')),
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
      importCopy: vi.fn<Api['importCopy']>(async (copy) => {
        try {
          const parsed = JSON.parse(copy.text) as Draft;
          const draft = { ...parsed, id: `imported-${++counter}` };
          keep(draft);
          // Like the core: an id already on this computer is imported as a new copy, and it says so.
          const notices = drafts.has(parsed.id) ? [{ code: 'drafts:notices.importedAsCopy', params: { originalId: parsed.id, id: draft.id } }] : [];
          return ok(opened(draft, notices));
        } catch {
          return { ok: false, error: { code: 'drafts:errors.importInvalid', params: { file: copy.fileName } } };
        }
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
