import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { entryInForce, type KeyRegistry } from '../../core/bundle/registry';
import { printableFingerprint, verifyReplacement, type ReplacementStatement } from '../../core/keys';
import { countryText } from '../country-text';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import { registryOption } from './registry-option';
import type { CommandContext, CommandRun } from './types';

/** Exit code for a valid statement whose old key the registry does not list (as for `scsa verify`). */
const VALID_UNREGISTERED = 3;

/** A real statement is about 1 KB; anything far larger is not one, and is not read. */
const MAX_STATEMENT_BYTES = 64 * 1024;

/** Reasons a statement is refused, in plain words (cli.json `verifyReplacement.problems.*`). */
const PROBLEMS = new Set(['schema', 'fingerprint', 'signature', 'json', 'publicKey']);

function invalid(ctx: CommandContext, problem: string): number {
  const reason = ctx.t(`verifyReplacement.problems.${PROBLEMS.has(problem) ? problem : 'schema'}`);
  ctx.err(`scsa: ${ctx.t('bundle:cli.invalid', { reason })}`);
  return EXIT.failedCheck;
}

/** The file's JSON, or an exit code after saying why it cannot be read. */
async function readStatement(ctx: CommandContext, file: string, shown: string): Promise<{ json: unknown } | number> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > MAX_STATEMENT_BYTES) return invalid(ctx, 'schema');
    text = await fs.readFile(file, 'utf8');
  } catch {
    ctx.err(`scsa: ${ctx.t('verifyReplacement.notFound', { file: shown })}`);
    return EXIT.failedCheck;
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return invalid(ctx, 'json');
  }
}

/** Registry entries for the old key that were in force on the statement's date. */
function registrations(registry: KeyRegistry, statement: ReplacementStatement): KeyRegistry {
  const day = statement.date.slice(0, 10);
  return registry.filter((k) => k.fingerprint === statement.oldFingerprint && entryInForce(k, day));
}

/**
 * `scsa verify-replacement FILE [--registry FILE]`: check a `key-replacement.json` (signed by the
 * old key, naming the new one). Exit 0 valid and the old key registered; 3 valid but the old key is
 * not in the registry (or no registry given); 1 invalid, the reason in plain words; 2 usage or a
 * registry file that cannot be used. What the secretariat runs before registering a new key.
 */
export const run: CommandRun = async (ctx) => {
  const shown = ctx.positionals[0] as string;
  const registry = await registryOption(ctx);
  if (typeof registry === 'number') return registry;
  const read = await readStatement(ctx, path.resolve(shown), shown);
  if (typeof read === 'number') return read;
  let statement: ReplacementStatement;
  try {
    statement = verifyReplacement(read.json);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'bundle:errors.publicKeyInvalid') return invalid(ctx, 'publicKey');
    if (err.code === 'bundle:errors.replacementInvalid') return invalid(ctx, String(err.params?.problem ?? 'schema'));
    return reportAppError(ctx, err);
  }
  ctx.out(ctx.t('verifyReplacement.valid', { date: statement.date.slice(0, 10) }));
  ctx.out(ctx.t('keygen.oldFingerprint'));
  ctx.out(`${statement.oldFingerprint}\n${printableFingerprint(statement.oldFingerprint)}\n`);
  ctx.out(ctx.t('keygen.newFingerprint'));
  ctx.out(`${statement.newFingerprint}\n${printableFingerprint(statement.newFingerprint)}\n`);
  if (!registry) {
    ctx.err(ctx.t('verifyReplacement.noRegistry'));
    return VALID_UNREGISTERED;
  }
  const found = registrations(registry, statement);
  if (found.length === 0) {
    ctx.out(ctx.t('verifyReplacement.oldNotRegistered'));
    return VALID_UNREGISTERED;
  }
  const countries = [...new Set(found.map((k) => k.country))].map((code) => countryText(code, ctx.language)).join(', ');
  ctx.out(ctx.t('verifyReplacement.oldRegistered', { countries }));
  return EXIT.ok;
};
