import { promises as fs } from 'node:fs';
import { AppError } from '../../errors';
import { createLogger } from '../../log';
import type { Draft } from '../../draft/schema';
import type { DraftStore, OpenedDraft, StoreNotice } from '../../store/draft-store';
import type { EditQueue } from '../../store/edit-queue';
import { contentKey } from '../../store/changes';
import { preparePortable, withFreshId } from '../../store/portable';
import { serializeDraft } from '../../store/read';
import { updateAssessmentState } from '../../store/assessment-state';
import { safeFileName, shownFileName } from '../../text/sanitize';
import type { CopyInspection, ImportMode, PortableCopy } from './contract';

const log = createLogger('portable-text');

/** The fictional country of the training example: never "another country" than the user's. */
const EXAMPLE_COUNTRY = 'XXX';

/**
 * `FRA_safer-cities-sacl_r12.scsa.json`: country, checklist and revision, so copies sort and say what
 * they hold. The checklist id comes from the file, so the name goes through the file-name sanitiser.
 */
export function portableFileName(draft: Draft): string {
  return safeFileName(`${draft.assessment.countryCode}_${draft.checklist.id}_r${draft.revision}.scsa.json`);
}

/** A portable copy of a draft as text, for "save a copy as file" (attachments travel separately). */
export function draftToPortable(draft: Draft): PortableCopy {
  return { fileName: portableFileName(draft), text: serializeDraft(draft) };
}

const prepare = (store: DraftStore, copy: PortableCopy) => {
  const file = shownFileName(copy.fileName, 'draft');
  return preparePortable(store, Buffer.from(copy.text, 'utf8'), file).then((p) => ({ ...p, file }));
};

/** The assessment with this id as saved here (open or not), read without taking its lock. */
const existingDraft = async (store: DraftStore, id: string): Promise<Draft> => store.current(id) ?? (await store.open(id, { readOnly: true })).draft;

/**
 * Read a copy without adding anything: what it holds, the assessment here with the same id (if any)
 * and the countries already here. Refuses what an import would refuse, with the same errors.
 */
export async function inspectPortable(store: DraftStore, copy: PortableCopy): Promise<CopyInspection> {
  const { draft, taken, file } = await prepare(store, copy);
  const here = await store.list();
  let existing: CopyInspection['existing'] = null;
  if (taken) {
    const mine = await existingDraft(store, draft.id);
    const listed = here.find((a) => a.id === draft.id);
    existing = {
      countryCode: mine.assessment.countryCode,
      revision: mine.revision,
      updatedAt: mine.updatedAt,
      archived: (listed?.archivedAt ?? null) !== null,
      sameContent: contentKey(mine) === contentKey(draft),
    };
  }
  const countriesHere = [...new Set(here.map((a) => a.countryCode).filter((c) => c !== EXAMPLE_COUNTRY))].sort();
  return {
    fileName: file,
    draft: { id: draft.id, countryCode: draft.assessment.countryCode, responseLanguage: draft.assessment.responseLanguage, revision: draft.revision, updatedAt: draft.updatedAt },
    existing,
    countriesHere,
  };
}

/** Attachments a draft lists whose content is not in its assessment's folder. */
async function missingHere(store: DraftStore, draft: Draft, notices: StoreNotice[]): Promise<void> {
  for (const ref of draft.attachments) {
    const present = await fs.stat(store.attachmentPath(draft.id, ref.sha256)).then((s) => s.isFile(), () => false);
    if (!present) notices.push({ code: 'drafts:notices.attachmentMissing', params: { name: ref.name, sha256: ref.sha256 } });
  }
}

/**
 * The copy's content saved as the next revision of the assessment with its id (opened here for it, and
 * left open like any import). The answers it replaces stay in that assessment's history. A copy of
 * another country's assessment never replaces one: `drafts:errors.replaceOtherCountry`.
 */
async function replaceWith(store: DraftStore, queue: EditQueue, draft: Draft, notices: StoreNotice[], file: string): Promise<OpenedDraft> {
  return queue.run(draft.id, async () => {
    const mine = store.current(draft.id) ?? (await store.open(draft.id)).draft;
    if (mine.assessment.countryCode !== draft.assessment.countryCode) {
      throw new AppError('drafts:errors.replaceOtherCountry', { file, fileCountry: draft.assessment.countryCode, existingCountry: mine.assessment.countryCode });
    }
    const saved = await store.save({ ...draft, id: mine.id });
    notices.push({ code: 'drafts:notices.replacedFromCopy', params: { file, revision: saved.revision } });
    await missingHere(store, saved, notices);
    log.info(`assessment ${saved.id} replaced by ${file} (now revision ${saved.revision})`);
    return { draft: saved, notices, readOnly: false };
  });
}

/**
 * Add an assessment from a portable copy's text and keep it open. The text is parsed, migrated and
 * validated first: a foreign or damaged file throws `drafts:errors.importInvalid` (with `reason` and
 * `file`), a newer format `drafts:errors.futureVersion`, and nothing is created. A copy whose id is
 * taken here needs a `mode` (else `drafts:errors.importExists`): `replace` or `keepBoth` (a new id and
 * the next copy number, so the two rows of the list differ). Attachments do not travel in the text:
 * each listed one not here is reported missing, so the user knows to attach it again.
 */
export async function importPortable(store: DraftStore, queue: EditQueue, copy: PortableCopy, mode: ImportMode | undefined, now: Date): Promise<OpenedDraft> {
  const prepared = await prepare(store, copy);
  const { notices, file } = prepared;
  if (prepared.taken && mode === 'replace') return replaceWith(store, queue, prepared.draft, notices, file);
  if (prepared.taken && mode !== 'keepBoth') throw new AppError('drafts:errors.importExists', { file });
  const draft = prepared.taken ? withFreshId(prepared.draft) : prepared.draft;
  await store.adoptImported(draft, async () => undefined);
  if (prepared.taken) {
    const of = prepared.draft.id;
    const n = 1 + Math.max(0, ...(await store.list()).filter((a) => a.copy?.of === of).map((a) => a.copy?.n ?? 0));
    await updateAssessmentState(store.paths(draft.id).state, (s) => ({ ...s, copy: { of, n, openedAt: now.toISOString() } }));
    notices.push({ code: 'drafts:notices.keptAsCopy', params: { n } });
  }
  for (const ref of draft.attachments) notices.push({ code: 'drafts:notices.attachmentMissing', params: { name: ref.name, sha256: ref.sha256 } });
  log.info(`imported ${file} as assessment ${draft.id}`);
  return { draft, notices, readOnly: false };
}
