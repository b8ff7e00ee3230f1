/** The review ledger on disk (`<assessment>/reviews.json`): read forgivingly, written atomically. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Consultation } from '../bundle/submission';
import { quarantine, writeFileAtomic } from '../fs/atomic';
import { createLogger } from '../log';
import { consultations, emptyLedger, ReviewLedgerSchema, type ReviewLedger } from './ledger';

const log = createLogger('review-ledger');

/** The file name of the ledger inside an assessment folder. */
export const LEDGER_FILE = 'reviews.json';

/**
 * The ledger in `file`; none yet gives an empty one. A damaged file is moved aside
 * (`reviews.corrupt-<time>.json`, named in `setAside`) and an empty ledger returned, so the
 * assessment still opens; the reviews can be recorded again from their copies and replies.
 */
export async function readLedger(file: string): Promise<{ ledger: ReviewLedger; setAside?: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ledger: emptyLedger() };
    throw err;
  }
  try {
    const parsed = ReviewLedgerSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { ledger: parsed.data };
  } catch {
    // not JSON: set aside below
  }
  const setAside = await quarantine(file);
  log.error(`review ledger ${file} unreadable; moved aside as ${setAside}`);
  return { ledger: emptyLedger(), setAside };
}

export async function writeLedger(file: string, ledger: ReviewLedger): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(ReviewLedgerSchema.parse(ledger), null, 2)}\n`);
}

/**
 * Who was consulted on the assessment whose folder is `assessmentDir`, from its ledger: what an
 * export carries in submission.json and prints in the report. No ledger (no review yet) gives none.
 */
export async function readConsultations(assessmentDir: string): Promise<Consultation[]> {
  return consultations((await readLedger(path.join(assessmentDir, LEDGER_FILE))).ledger);
}
