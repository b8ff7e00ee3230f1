import { createLogger } from '../../log';
import type { Draft } from '../../draft/schema';
import type { DraftStore, OpenedDraft } from '../../store/draft-store';
import { preparePortable } from '../../store/portable';
import { serializeDraft } from '../../store/read';
import { safeFileName, shownFileName } from '../../text/sanitize';
import type { PortableCopy } from './contract';

const log = createLogger('portable-text');

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

/**
 * Create a new assessment from a portable copy's text and keep it open. The text is parsed, migrated
 * and validated first: a foreign or damaged file throws `drafts:errors.importInvalid` (with `reason`
 * and `file`), a newer format `drafts:errors.futureVersion`, and nothing is created. An id already
 * present here gets a fresh one. Attachments do not travel in the text: each listed one is reported
 * missing so the user knows to attach it again.
 */
export async function importPortable(store: DraftStore, copy: PortableCopy): Promise<OpenedDraft> {
  const file = shownFileName(copy.fileName, 'draft');
  const { draft, notices } = await preparePortable(store, Buffer.from(copy.text, 'utf8'), file);
  await store.adoptImported(draft, async () => undefined);
  for (const ref of draft.attachments) notices.push({ code: 'drafts:notices.attachmentMissing', params: { name: ref.name, sha256: ref.sha256 } });
  log.info(`imported ${file} as assessment ${draft.id}`);
  return { draft, notices, readOnly: false };
}

