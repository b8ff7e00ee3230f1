import { promises as fs } from 'node:fs';
import path from 'node:path';
import { quarantine, writeFileAtomic } from '../fs/atomic';
import { AppError } from '../errors';
import { createLogger } from '../log';
import type { Draft } from '../draft/schema';
import { listSnapshots } from './history';
import { listPinned } from './submitted';
import { parseDraftBytes, readDraftFile, serializeDraft } from './read';
import type { AssessmentPaths } from './layout';
import { missingAttachments } from './attachments';

const log = createLogger('draft-recover');

/** Something the user should be told about an opened draft: an i18n key in `drafts` and its params. */
export interface StoreNotice {
  code: string;
  params?: Record<string, string | number>;
}

export interface Loaded {
  draft: Draft;
  notices: StoreNotice[];
}

/**
 * Read an assessment's draft, forgiving: an unusable file (missing, cut short, not UTF-8, not JSON,
 * not a valid draft) is moved aside and the newest good history snapshot put back in its place,
 * with a notice naming what happened. A file from a newer app is refused and left untouched.
 * With `readOnly`, nothing on disk changes; the recovered content is returned all the same.
 */
export async function loadForgiving(paths: AssessmentPaths, readOnly: boolean, now: Date): Promise<Loaded> {
  const notices: StoreNotice[] = [];
  const first = await readDraftFile(paths.draft);
  let draft: Draft;
  if (first.ok) {
    draft = first.draft;
    if (first.migratedFrom !== null) {
      notices.push({ code: 'drafts:notices.migrated', params: { from: first.migratedFrom, to: draft.schemaVersion } });
      if (!readOnly) {
        // Keep the pre-migration bytes: the first save will replace the file in the new format.
        const backup = path.join(paths.dir, `draft.v${first.migratedFrom}-backup-${now.toISOString().replace(/[:.]/g, '-')}.scsa.json`);
        await fs.copyFile(paths.draft, backup);
      }
    }
  } else {
    if (first.reason === 'future' || first.reason === 'unreadable') throw first.error;
    let movedTo = '';
    if (first.reason !== 'missing' && !readOnly) movedTo = path.basename(await quarantine(paths.draft, now));
    // The submitted revisions are the last resort: older than any snapshot, but what was sent.
    const snapshot = (await newestGoodSnapshot(paths.history)) ?? (await newestSubmitted(paths.submitted, readOnly));
    if (!snapshot) {
      log.error(`draft ${paths.draft} unusable (${first.reason}) and no good snapshot`);
      throw first.reason === 'missing'
        ? new AppError('drafts:errors.notFound')
        : new AppError('drafts:errors.corruptNoBackup', { reason: first.reason, movedTo });
    }
    draft = snapshot.draft;
    if (!readOnly) await writeFileAtomic(paths.draft, serializeDraft(draft));
    log.warn(`draft ${paths.draft} unusable (${first.reason}); restored revision ${draft.revision} from ${snapshot.file}`);
    notices.push({
      code: first.reason === 'missing' ? 'drafts:notices.restoredMissing' : 'drafts:notices.recovered',
      params: { reason: first.reason, movedTo, revision: draft.revision, savedAt: snapshot.savedAt },
    });
  }
  for (const ref of await missingAttachments(paths.attachments, draft.attachments)) {
    notices.push({ code: 'drafts:notices.attachmentMissing', params: { name: ref.name, sha256: ref.sha256 } });
  }
  return { draft, notices };
}

async function newestGoodSnapshot(dir: string): Promise<{ draft: Draft; file: string; savedAt: string } | null> {
  for (const entry of await listSnapshots(dir)) {
    const buf = await fs.readFile(path.join(dir, entry.file)).catch(() => null);
    if (!buf) continue;
    const r = parseDraftBytes(buf);
    if (r.ok) return { draft: r.draft, file: entry.file, savedAt: entry.savedAt };
    log.warn(`history snapshot ${entry.file} unusable (${r.reason}); trying an older one`);
  }
  return null;
}

async function newestSubmitted(dir: string, readOnly: boolean): Promise<{ draft: Draft; file: string; savedAt: string } | null> {
  const newest = (await listPinned(dir, { setAside: !readOnly })).sort((a, b) => b.draft.revision - a.draft.revision)[0];
  return newest ? { draft: newest.draft, file: newest.entry.file, savedAt: newest.entry.savedAt } : null;
}
