import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KEY_FILES, generateKey, printableFingerprint, saveKey, saveReplacement, signReplacement, type KeyFile, type SealedKey, type SigningKey } from '../../core/keys';
import { EXIT } from '../exit-codes';
import { checkImportable, printRefusal, readImportFile, sealImported } from './import-pem';
import { PASSPHRASE_VARIABLE, fromEnvironment, promptHidden, reportAppError } from './passphrase';
import { OLD_PASSPHRASE_VARIABLE, loadKeyForCli, unlockForCli } from './unlock-key';
import type { CommandContext, CommandRun } from './types';

function usage(ctx: CommandContext, key: string, params: Record<string, string> = {}): number {
  ctx.err(`scsa: ${ctx.t(key, params)}`);
  ctx.err(ctx.t('usage.moreHelp', { command: 'scsa keygen --help' }));
  return EXIT.usage;
}

const option = (ctx: CommandContext, name: string): string | undefined => {
  const v = ctx.options[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** The new key's passphrase: SCSA_PASSPHRASE, or typed twice at a terminal without echo. */
async function newPassphrase(ctx: CommandContext): Promise<string | number> {
  const fromEnv = fromEnvironment();
  if (fromEnv !== null) return fromEnv;
  if (!process.stdin.isTTY) return usage(ctx, 'bundle:cli.noPassphrase', { variable: PASSPHRASE_VARIABLE });
  const first = await promptHidden(ctx.t('bundle:cli.promptNew'));
  if (first === null) return EXIT.usage;
  const second = await promptHidden(ctx.t('bundle:cli.promptRepeat'));
  if (second === null) return EXIT.usage;
  if (first !== second) {
    ctx.err(`scsa: ${ctx.t('bundle:cli.passphraseMismatch')}`);
    return EXIT.failedCheck;
  }
  return first;
}

/** Everything that can be checked before a passphrase is typed; an exit code on refusal. */
interface Plan {
  dir: string;
  /** The PEM text to import, when --import was given. */
  pem?: string;
  /** The old key's file, when --replace was given. */
  old?: KeyFile;
}

async function prepare(ctx: CommandContext): Promise<Plan | number> {
  const out = option(ctx, 'out');
  if (out === undefined) return usage(ctx, 'errors.missingOption', { option: '--out DIR' });
  const dir = path.resolve(out);
  for (const name of [KEY_FILES.privateKey, KEY_FILES.publicKey]) {
    if (await fs.lstat(path.join(dir, name)).catch(() => null)) {
      ctx.err(`scsa: ${ctx.t('bundle:errors.keyExists', { dir: out })}`);
      return EXIT.failedCheck;
    }
  }
  const plan: Plan = { dir };
  let importedFingerprint: string | undefined;
  const importFile = option(ctx, 'import');
  if (importFile !== undefined) {
    const text = await readImportFile(path.resolve(importFile), importFile);
    const checked = typeof text === 'string' ? await checkImportable(text, importFile) : text;
    if ('message' in checked) {
      printRefusal(ctx, checked);
      return EXIT.failedCheck;
    }
    plan.pem = text as string;
    importedFingerprint = checked.fingerprint;
  }
  const replace = option(ctx, 'replace');
  if (replace !== undefined) {
    const old = await loadKeyForCli(ctx, path.resolve(replace), replace);
    if (typeof old === 'number') return old;
    // A key cannot replace itself: the statement would name one key twice.
    if (old.fingerprint === importedFingerprint) {
      ctx.err(`scsa: ${ctx.t('keygen.sameKey')}`);
      return EXIT.failedCheck;
    }
    plan.old = old;
  }
  return plan;
}

function printFingerprint(ctx: CommandContext, introKey: string, fingerprint: string): void {
  ctx.out(ctx.t(introKey));
  ctx.out(`${printableFingerprint(fingerprint)}\n`);
}

/**
 * `scsa keygen --out DIR [--import FILE] [--replace OLD]`: a new Ed25519 signing key in DIR — made
 * here, or imported from another tool's unencrypted PKCS#8 PEM — sealed under the passphrase. With
 * --replace the old key (a key folder or key file, never changed) signs `key-replacement.json`
 * beside the new key. Never writes over a key; prints the fingerprints to send to the secretariat.
 */
export const run: CommandRun = async (ctx) => {
  try {
    // Checked before asking for a passphrase, so nobody types one for nothing.
    const plan = await prepare(ctx);
    if (typeof plan === 'number') return plan;
    let oldKey: SigningKey | undefined;
    if (plan.old) {
      const unlocked = await unlockForCli(ctx, plan.old, OLD_PASSPHRASE_VARIABLE, ctx.t('keygen.promptOld'));
      if (typeof unlocked === 'number') return unlocked;
      oldKey = unlocked;
    }
    const passphrase = await newPassphrase(ctx);
    if (typeof passphrase === 'number') return passphrase;
    const sealed: SealedKey = plan.pem !== undefined ? await sealImported(plan.pem, passphrase) : await generateKey(passphrase);
    await saveKey(plan.dir, sealed);
    const shownDir = option(ctx, 'out') as string;
    ctx.out(ctx.t(plan.pem !== undefined ? 'keygen.imported' : 'bundle:cli.keyCreated', { dir: shownDir }));
    if (!oldKey) {
      printFingerprint(ctx, 'bundle:cli.fingerprintIntro', sealed.fingerprint);
      return EXIT.ok;
    }
    const statement = await saveReplacement(plan.dir, signReplacement(oldKey, sealed));
    ctx.out(ctx.t('keygen.statementWritten', { file: path.relative(process.cwd(), statement) || statement }));
    printFingerprint(ctx, 'keygen.oldFingerprint', oldKey.fingerprint);
    printFingerprint(ctx, 'keygen.newFingerprint', sealed.fingerprint);
    ctx.out(ctx.t('keygen.sendReplacement', { statement: KEY_FILES.replacement, publicKey: KEY_FILES.publicKey }));
    return EXIT.ok;
  } catch (err) {
    return reportAppError(ctx, err);
  }
};
