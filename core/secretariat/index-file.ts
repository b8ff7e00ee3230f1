import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../log';
import { writeFileAtomic } from '../fs/atomic';
import { readBundleFacts } from './bundle-facts';
import { inWorkspace } from './fs-errors';
import { jsonText, readJsonFile } from './json-file';
import { WORKSPACE_DIRS, WORKSPACE_FILES, receivedFile } from './layout';
import {
  IndexFileSchema,
  ReceivedSidecarSchema,
  WORKSPACE_SCHEMA_VERSION,
  type HeldEntry,
  type IndexFile,
  type RejectedEntry,
  type StoredSubmission,
} from './schemas';
import type { Notice, Workspace } from './workspace';

const log = createLogger('secretariat-index');

export interface IndexOptions {
  /** Told (files read, files to read) while stored bundles are read again to rebuild the index. */
  onProgress?: (done: number, total: number) => void;
  /** False: bring the index up to date in memory only (a dry run writes nothing, even to a writable workspace). */
  save?: boolean;
}

interface Found {
  file: string;
  size: number;
  mtimeMs: number;
}

async function list(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
}

async function found(root: string, relative: string): Promise<Found | null> {
  const stat = await fs.lstat(path.join(root, ...relative.split('/'))).catch(() => null);
  return stat?.isFile() ? { file: relative, size: stat.size, mtimeMs: stat.mtimeMs } : null;
}

/** Every file the index describes, as it is on disk now: the stored bundles, and held and rejected files with their notes. */
async function scan(root: string): Promise<{ submissions: Found[]; held: Found[]; rejected: Found[]; notes: { held: string[]; rejected: string[] } }> {
  const submissions: Found[] = [];
  for (const country of (await list(path.join(root, WORKSPACE_DIRS.submissions))).filter((n) => /^[A-Z]{3}$/.test(n)).sort()) {
    for (const name of (await list(path.join(root, WORKSPACE_DIRS.submissions, country))).sort()) {
      if (!/^[0-9a-f-]{36}\.zip$/.test(name)) continue;
      const f = await found(root, `${WORKSPACE_DIRS.submissions}/${country}/${name}`);
      if (f) submissions.push(f);
    }
  }
  const received = async (kind: 'held' | 'rejected') => {
    const names = (await list(path.join(root, kind))).sort();
    const zips: Found[] = [];
    for (const n of names.filter((x) => /^[0-9a-f]{64}\.zip$/.test(x))) {
      const f = await found(root, `${kind}/${n}`);
      if (f) zips.push(f);
    }
    return { zips, notes: names.filter((x) => /^[0-9a-f]{64}\.json$/.test(x)).map((x) => x.slice(0, 64)) };
  };
  const held = await received('held');
  const rejected = await received('rejected');
  return { submissions, held: held.zips, rejected: rejected.zips, notes: { held: held.notes, rejected: rejected.notes } };
}

const same = (a: Found, b: { file: string | null; size: number; mtimeMs?: number }) => a.file === b.file && a.size === b.size && a.mtimeMs === b.mtimeMs;

async function note(root: string, kind: 'held' | 'rejected', sha256: string) {
  const read = await readJsonFile(path.join(root, ...receivedFile(kind, sha256, 'json').split('/')), ReceivedSidecarSchema, WORKSPACE_SCHEMA_VERSION);
  return read.ok ? read.value : null;
}

/**
 * The workspace's index: `index.json` when it still describes the folders exactly (every stored
 * file by name, size and modification time), otherwise brought up to date by reading only the files
 * that changed — all of them when the index is missing or damaged (a notice says so). A writable
 * workspace saves the result. A stored file that can no longer be read is left in place, out of
 * the index, with a notice.
 */
export async function loadIndex(ws: Workspace, options: IndexOptions = {}, notices: Notice[] = ws.notices): Promise<IndexFile> {
  return inWorkspace(ws.dir, async () => {
    const root = ws.dir;
    const read = await readJsonFile(path.join(root, WORKSPACE_FILES.index), IndexFileSchema, WORKSPACE_SCHEMA_VERSION);
    const old: IndexFile | null = read.ok ? read.value : null;
    if (!read.ok && read.problem !== 'missing') {
      notices.push({ code: 'secretariat:notices.indexRebuilt', params: { problem: read.problem } });
      log.warn(`index.json ${read.problem}: rebuilding`);
    }
    const disk = await scan(root);
    const known = new Map((old?.submissions ?? []).map((s) => [s.file, s]));
    const toRead = disk.submissions.filter((f) => !(known.has(f.file) && same(f, known.get(f.file) as StoredSubmission)));
    const heldKnown = new Map((old?.held ?? []).map((h) => [h.file, h]));
    const heldToRead = disk.held.filter((f) => !(heldKnown.has(f.file) && same(f, heldKnown.get(f.file) as HeldEntry)));
    let changed = !old || toRead.length > 0 || heldToRead.length > 0;
    const total = toRead.length + heldToRead.length;
    let done = 0;
    const tick = () => options.onProgress?.(++done, total);

    const submissions: StoredSubmission[] = [];
    for (const f of disk.submissions) {
      const kept = known.get(f.file);
      if (kept && same(f, kept)) {
        submissions.push(kept);
        continue;
      }
      const facts = await readBundleFacts(path.join(root, ...f.file.split('/')));
      tick();
      if (facts) submissions.push({ ...f, ...facts });
      else notices.push({ code: 'secretariat:notices.storedUnreadable', params: { file: f.file } });
    }
    changed ||= (old?.submissions.length ?? 0) !== submissions.length;

    const held: HeldEntry[] = [];
    for (const f of disk.held) {
      const kept = heldKnown.get(f.file);
      if (kept && same(f, kept)) {
        held.push(kept);
        continue;
      }
      const sha256 = f.file.slice(WORKSPACE_DIRS.held.length + 1, -'.zip'.length);
      const sidecar = await note(root, 'held', sha256);
      const facts = sidecar?.facts ?? (await readBundleFacts(path.join(root, ...f.file.split('/'))));
      tick();
      if (facts) held.push({ ...f, sha256, facts, ...(sidecar ? { receivedAt: sidecar.receivedAt, source: sidecar.source } : {}) });
      else notices.push({ code: 'secretariat:notices.storedUnreadable', params: { file: f.file } });
    }
    changed ||= (old?.held.length ?? 0) !== held.length;

    const rejected = await rejectedEntries(root, disk.rejected, disk.notes.rejected);
    changed ||= JSON.stringify(rejected) !== JSON.stringify(old?.rejected ?? []);

    const index: IndexFile = { format: 'scsa-workspace-index', schemaVersion: WORKSPACE_SCHEMA_VERSION, builtAt: changed ? new Date().toISOString() : (old?.builtAt ?? new Date().toISOString()), submissions, held, rejected };
    if (changed && ws.writable && options.save !== false) await saveIndex(ws, index);
    return index;
  });
}

/** Rejected files with their reasons; a note whose file was too large to keep stands alone. */
async function rejectedEntries(root: string, zips: Found[], notes: string[]): Promise<RejectedEntry[]> {
  const out: RejectedEntry[] = [];
  const withZip = new Set(zips.map((z) => z.file.slice(WORKSPACE_DIRS.rejected.length + 1, -'.zip'.length)));
  for (const sha256 of [...new Set([...withZip, ...notes])].sort()) {
    const sidecar = notes.includes(sha256) ? await note(root, 'rejected', sha256) : null;
    const zip = zips.find((z) => z.file === receivedFile('rejected', sha256));
    if (!zip && !(sidecar && !sidecar.kept)) continue;
    const reason = sidecar?.reason ?? { code: 'secretariat:reasons.unknown', params: {} };
    out.push({ file: zip ? zip.file : null, sha256, size: zip?.size ?? sidecar?.size ?? 0, reason, ...(sidecar ? { receivedAt: sidecar.receivedAt } : {}) });
  }
  return out;
}

/** Write index.json atomically (the index is derived: losing a write costs a rebuild, nothing else). */
export async function saveIndex(ws: Workspace, index: IndexFile): Promise<void> {
  await writeFileAtomic(path.join(ws.dir, WORKSPACE_FILES.index), jsonText(index));
}
