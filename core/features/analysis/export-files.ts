/**
 * Finished analysis exports, kept in the data folder (`analysis-exports/<export id>/<file name>`)
 * until downloaded once, or for EXPORT_TTL_MS. An export holds what countries did not consent to
 * publish (unless made publishable), so it does not linger: the file goes once it is opened for its
 * download, and whatever is left from an earlier session goes when the next export starts.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors';
import { createLogger } from '../../log';

const log = createLogger('analysis-exports');

export const EXPORT_TTL_MS = 15 * 60 * 1000;
const MEDIA: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

interface Kept {
  file: string;
  fileName: string;
  at: number;
}

export class ExportFiles {
  private readonly kept = new Map<string, Kept>();
  /** Reserved and not yet kept or discarded. */
  private readonly writing = new Set<string>();
  private readonly root: string;
  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.root = path.join(dataDir, 'analysis-exports');
  }

  /** A fresh place for an export's file; older exports past their time are removed first. */
  async reserve(fileName: string): Promise<{ exportId: string; file: string }> {
    await this.sweep();
    const exportId = randomUUID();
    this.writing.add(exportId);
    const dir = path.join(this.root, exportId);
    await fs.mkdir(dir, { recursive: true });
    return { exportId, file: path.join(dir, fileName) };
  }

  /** The export is written: keep it for its download. */
  keep(exportId: string, file: string): void {
    this.writing.delete(exportId);
    this.kept.set(exportId, { file, fileName: path.basename(file), at: this.now() });
  }

  /** Give up a reserved place (a failed or cancelled export). */
  async discard(exportId: string): Promise<void> {
    this.writing.delete(exportId);
    this.kept.delete(exportId);
    await fs.rm(path.join(this.root, exportId), { recursive: true, force: true });
  }

  /** What the download desk serves: the file opened once, then removed. Throws `analysis:errors.exportGone` for an unknown or expired export. */
  source(exportId: string): { fileName: string; mediaType: string; open(): Promise<{ handle: fs.FileHandle; size: number } | null> } {
    const kept = this.kept.get(exportId);
    if (!kept || this.now() - kept.at > EXPORT_TTL_MS) throw new AppError('analysis:errors.exportGone');
    return {
      fileName: kept.fileName,
      mediaType: MEDIA[path.extname(kept.fileName)] ?? 'application/octet-stream',
      open: async () => {
        this.kept.delete(exportId);
        const handle = await fs.open(kept.file, 'r').catch(() => null);
        if (!handle) return null;
        const { size } = await handle.stat();
        // The open handle still reads the file: the copy in the data folder goes at once.
        await fs.rm(path.dirname(kept.file), { recursive: true, force: true }).catch((err: unknown) => log.warn('export not removed after download', err));
        return { handle, size };
      },
    };
  }

  /** Remove exports past their time, and any left over from an earlier session. */
  async sweep(): Promise<void> {
    const names = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const name of names) {
      const kept = this.kept.get(name);
      if (kept && this.now() - kept.at <= EXPORT_TTL_MS) continue;
      if (this.writing.has(name)) continue;
      this.kept.delete(name);
      await fs.rm(path.join(this.root, name), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
