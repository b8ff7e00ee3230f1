import { promises as fs } from 'node:fs';
import path from 'node:path';
import { KEY_ROLES, type KeyRole } from '../../core/bundle/registry';
import { printableFingerprint } from '../../core/keys';
import { visibleControls } from '../../core/text/sanitize';
import { addKey, applyReplacement, revokeKey, type RegistryChange, type RegistryEntry, type Workspace } from '../../core/secretariat';
import { EXIT } from '../exit-codes';
import { reportAppError } from './passphrase';
import { printDecision } from './import-output';
import { optionValue, usageError, workspaceOption } from './workspace-option';
import type { CommandContext, CommandRun } from './types';

/** The options each action takes (besides --workspace and --lang); any other is a usage error. */
const ACTION_OPTIONS: Record<string, readonly string[]> = {
  add: ['country', 'pem', 'fingerprint', 'name', 'role', 'valid-from', 'valid-to', 'note'],
  list: ['json'],
  revoke: ['date', 'country'],
  'apply-replacement': [],
};
/** Positional arguments after the action. */
const ACTION_ARGS: Record<string, string[]> = { add: [], list: [], revoke: ['FINGERPRINT'], 'apply-replacement': ['STATEMENT'] };
/** A public key PEM or a replacement statement is about 1 KB: a far larger file is not one. */
const MAX_INPUT_BYTES = 64 * 1024;

const oneLineFingerprint = (fp: string) => printableFingerprint(fp).replace('\n', ' ');

function roleText(ctx: CommandContext, role: KeyRole): string {
  return ctx.t(`secretariat:roles.${role}`);
}

async function readInput(ctx: CommandContext, file: string): Promise<Buffer | number> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_INPUT_BYTES) throw new Error('not a small file');
    return await fs.readFile(file);
  } catch {
    ctx.err(`scsa: ${ctx.t('registry.unreadable', { file })}`);
    return EXIT.failedCheck;
  }
}

/** Each entry on a few lines: country, role and name; the fingerprint in its printed groups; validity. */
function printEntry(ctx: CommandContext, e: RegistryEntry): void {
  ctx.out(`${e.country}  ${roleText(ctx, e.role)}${e.name ? `  ${visibleControls(e.name)}` : ''}`);
  ctx.out(`  ${oneLineFingerprint(e.fingerprint)}`);
  const validity = [
    e.validFrom ? ctx.t('registry.validFrom', { date: e.validFrom }) : '',
    e.validTo ? ctx.t('registry.validTo', { date: e.validTo }) : '',
    e.revokedAt ? ctx.t('registry.revokedFrom', { date: e.revokedAt }) : '',
  ].filter(Boolean);
  if (validity.length > 0) ctx.out(`  ${validity.join('; ')}`);
}

function printChange(ctx: CommandContext, key: string, change: RegistryChange): void {
  for (const e of change.entries) {
    ctx.out(ctx.t(key, { country: e.country, role: roleText(ctx, e.role), date: e.revokedAt ?? e.validTo ?? e.validFrom ?? '' }));
    printEntry(ctx, e);
  }
  const filed = change.held.filter((d) => d.decision !== 'held');
  if (change.held.length > 0) ctx.out(ctx.t('registry.heldChecked', { checked: change.held.length, filed: filed.length }));
  for (const d of filed) printDecision(ctx, d);
}

async function runAction(ctx: CommandContext, ws: Workspace, action: string, args: string[]): Promise<number> {
  const o = (name: string) => optionValue(ctx, name);
  if (action === 'list') {
    if (ctx.options.json === true) ctx.out(JSON.stringify(ws.registry, null, 2));
    else if (ws.registry.length === 0) ctx.out(ctx.t('registry.empty'));
    else ws.registry.forEach((e) => printEntry(ctx, e));
    return EXIT.ok;
  }
  if (action === 'add') {
    for (const [name, shown] of [['country', '--country ISO3'], ['pem', '--pem FILE'], ['fingerprint', '--fingerprint HEX']] as const) {
      if (o(name) === undefined) return usageError(ctx, 'registry', 'errors.missingOption', { option: shown });
    }
    const role = o('role') ?? 'focal-point';
    if (!(KEY_ROLES as readonly string[]).includes(role)) return usageError(ctx, 'registry', 'registry.badRole', { value: role });
    const pem = await readInput(ctx, path.resolve(o('pem') as string));
    if (typeof pem === 'number') return pem;
    const change = await addKey(ws, {
      country: o('country') as string,
      pem,
      fingerprint: o('fingerprint') as string,
      role: role as KeyRole,
      ...(o('name') ? { name: o('name') as string } : {}),
      ...(o('valid-from') ? { validFrom: o('valid-from') as string } : {}),
      ...(o('valid-to') ? { validTo: o('valid-to') as string } : {}),
      ...(o('note') ? { note: o('note') as string } : {}),
    });
    printChange(ctx, 'registry.added', change);
    return EXIT.ok;
  }
  if (action === 'revoke') {
    const change = await revokeKey(ws, args[0] as string, { ...(o('date') ? { date: o('date') as string } : {}), ...(o('country') ? { country: o('country') as string } : {}) });
    printChange(ctx, 'registry.revoked', change);
    return EXIT.ok;
  }
  const raw = await readInput(ctx, path.resolve(args[0] as string));
  if (typeof raw === 'number') return raw;
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    ctx.err(`scsa: ${ctx.t('registry.unreadable', { file: args[0] as string })}`);
    return EXIT.failedCheck;
  }
  printChange(ctx, 'registry.replaced', await applyReplacement(ws, json));
  return EXIT.ok;
}

/**
 * `scsa registry add|list|revoke|apply-replacement --workspace DIR …`: the workspace's key registry
 * (docs/formats/workspace.md). `add` creates the workspace when DIR is new or empty. Every change is
 * logged and followed by a look at the held bundles, whose filing is reported like an import.
 */
export const run: CommandRun = async (ctx) => {
  const [action, ...args] = ctx.positionals as [string, ...string[]];
  const allowed = ACTION_OPTIONS[action];
  const wanted = ACTION_ARGS[action];
  if (!allowed || !wanted) return usageError(ctx, 'registry', 'registry.unknownAction', { value: action });
  const stray = Object.keys(ctx.options).find((name) => !['workspace', 'lang', ...allowed].includes(name));
  if (stray) return usageError(ctx, 'registry', 'registry.optionNotFor', { option: `--${stray}`, action });
  if (args.length < wanted.length) return usageError(ctx, 'registry', 'errors.missingArgument', { name: wanted[args.length] as string });
  if (args.length > wanted.length) return usageError(ctx, 'registry', 'errors.extraArgument', { value: args[wanted.length] as string });
  const ws = await workspaceOption(ctx, 'registry', { write: action !== 'list', create: action === 'add' });
  if (typeof ws === 'number') return ws;
  try {
    return await runAction(ctx, ws, action, args);
  } catch (err) {
    return reportAppError(ctx, err);
  } finally {
    await ws.close();
  }
};
