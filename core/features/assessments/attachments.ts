import { AppError } from '../../errors';
import { createLogger } from '../../log';
import type { IncomingFile } from '../../api/common';
import type { DraftStore } from '../../store/draft-store';
import type { EditQueue } from '../../store/edit-queue';
import type { AttachmentAdded } from './contract';

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
export function createAttachmentHandler(store: DraftStore, queue: EditQueue) {
  return async (file: IncomingFile, assessmentId: string): Promise<AttachmentAdded> => {
    try {
      if (!store.current(assessmentId)) throw new AppError('drafts:errors.notOpen', { id: assessmentId });
      const ref = await store.addAttachment(assessmentId, file.stream(), {
        name: cleanAttachmentName(file.name),
        mediaType: cleanMediaType(file.mediaType),
      });
      return await queue.run(assessmentId, async () => {
        const draft = store.current(assessmentId);
        if (!draft) throw new AppError('drafts:errors.notOpen', { id: assessmentId });
        const listed = draft.attachments.find((a) => a.sha256 === ref.sha256);
        if (listed) return { attachment: listed, revision: draft.revision };
        const saved = await store.save({ ...draft, attachments: [...draft.attachments, ref] });
        log.info(`assessment ${assessmentId}: attached ${ref.sha256.slice(0, 12)} (${ref.size} bytes)`);
        return { attachment: ref, revision: saved.revision };
      });
    } finally {
      file.release();
    }
  };
}
