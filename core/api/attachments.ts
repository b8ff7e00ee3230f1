import { AppError } from '../errors';
import { createLogger } from '../log';
import { AssessmentIdSchema } from '../draft/schema';
import type { DraftStore } from '../store/draft-store';
import type { ApiResult, AttachmentAdded, AttachmentHandler, AttachmentSource } from './contract';
import type { EditQueue } from './edit-queue';

const log = createLogger('attachments-api');

const FALLBACK_NAME = 'attachment';
const FALLBACK_TYPE = 'application/octet-stream';
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** The file's own name as shown later: no folders, no control or bidi-override characters, at most 255 characters. */
export function cleanAttachmentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '')
    .trim();
  return Array.from(clean).slice(0, 255).join('') || FALLBACK_NAME;
}

/** `type/subtype` without parameters; anything else (a browser sends '' for unknown files) becomes octet-stream. */
export function cleanMediaType(mediaType: string): string {
  const bare = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return MEDIA_TYPE.test(bare) ? bare : FALLBACK_TYPE;
}

/**
 * The core side of "add an attachment": stream the file into the assessment's store (hashed, size
 * limited, never whole in memory), then list it in `draft.attachments` and save. The same content
 * added twice is listed once: the second add returns the first one's entry.
 */
export function createAttachmentHandler(store: DraftStore, queue: EditQueue): AttachmentHandler {
  return async (assessmentId, source) => {
    if (!store.current(assessmentId)) throw new AppError('drafts:errors.notOpen', { id: assessmentId });
    const ref = await store.addAttachment(assessmentId, source.stream, {
      name: cleanAttachmentName(source.name),
      mediaType: cleanMediaType(source.mediaType),
    });
    return queue.run(assessmentId, async () => {
      const draft = store.current(assessmentId);
      if (!draft) throw new AppError('drafts:errors.notOpen', { id: assessmentId });
      const listed = draft.attachments.find((a) => a.sha256 === ref.sha256);
      if (listed) return { attachment: listed, revision: draft.revision };
      const saved = await store.save({ ...draft, attachments: [...draft.attachments, ref] });
      log.info(`assessment ${assessmentId}: attached ${ref.sha256.slice(0, 12)} (${ref.size} bytes)`);
      return { attachment: ref, revision: saved.revision };
    });
  };
}

/**
 * Run one attachment upload from an untrusted transport (IPC or HTTP) and answer with the same
 * envelope as `dispatch`: a bad id is `errors.badRequest`, a failure the user can act on its AppError.
 */
export async function dispatchAttachment(handler: AttachmentHandler, assessmentId: unknown, source: AttachmentSource): Promise<ApiResult<AttachmentAdded>> {
  const id = AssessmentIdSchema.safeParse(assessmentId);
  if (!id.success) return { ok: false, error: { code: 'errors.badRequest' } };
  try {
    return { ok: true, value: await handler(id.data, source) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toApiError() };
    log.error('adding an attachment failed', err);
    return { ok: false, error: { code: 'errors.unexpected' } };
  }
}
