import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Consultation } from '../../core/bundle/submission';
import type { Draft } from '../../core/draft/schema';
import { consultations } from '../../core/review/ledger';
import { LEDGER_MAX_BYTES, parseLedger } from '../../core/review/parse';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import type { CommandContext } from './types';

/**
 * `scsa export --reviews FILE`: the consultations recorded in a focal point's ledger (`reviews.json`,
 * docs/formats/review.md) for `draft`, or an exit code after a translated message. A ledger of
 * another assessment is refused: its institutions were not consulted on this draft.
 */
export async function consultationsFromFile(ctx: CommandContext, file: string, draft: Draft): Promise<Consultation[] | number> {
  let bytes: Buffer;
  try {
    // Read at most one byte past the limit: a huge file is refused without being read whole.
    const handle = await fs.open(path.resolve(file), 'r');
    try {
      const buffer = Buffer.alloc(Math.min((await handle.stat()).size, LEDGER_MAX_BYTES + 1));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    ctx.err(`scsa: ${ctx.t('export.reviewsUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? 'error' })}`);
    return EXIT.failedCheck;
  }
  try {
    const ledger = parseLedger(bytes);
    if (ledger.reviews.some((r) => r.base.draftId !== draft.id)) {
      ctx.err(`scsa: ${ctx.t('export.reviewsOtherDraft', { file })}`);
      return EXIT.failedCheck;
    }
    return consultations(ledger);
  } catch (err) {
    return reportAppError(ctx, err);
  }
}
