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

// `scsa registry add|list|revoke|apply-replacement`: main.ts runs the action's function below (table.ts).
// Every change is logged in registry-log.jsonl and followed by a new look at the held bundles, whose
// filing is reported like an import (docs/formats/workspace.md).

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

/**
 * Open the workspace (for writing unless `list`; `add` makes it when DIR is new or empty), run one
 * action, and report an AppError in the user's language (exit 1).
 */
async function withWorkspace(ctx: CommandContext, mode: { write: boolean; create?: boolean }, action: (ws: Workspace) => Promise<number>): Promise<number> {
  const ws = await workspaceOption(ctx, 'registry', mode);
  if (typeof ws === 'number') return ws;
  try {
    return await action(ws);
  } catch (err) {
    return reportAppError(ctx, err);
  } finally {
    await ws.close();
  }
}

/** `scsa registry list --workspace DIR [--json]`: every registered key, or the entries as stored. */
export const runList: CommandRun = (ctx) =>
  withWorkspace(ctx, { write: false }, async (ws) => {
    if (ctx.options.json === true) ctx.out(JSON.stringify(ws.registry, null, 2));
    else if (ws.registry.length === 0) ctx.out(ctx.t('registry.empty'));
    else ws.registry.forEach((e) => printEntry(ctx, e));
    return EXIT.ok;
  });

/**
 * `scsa registry add --workspace DIR --country ISO3 --pem FILE --fingerprint HEX …`: register a key
 * from its public key file and the fingerprint typed from the official letter (they must match).
 * DIR becomes a workspace when it is new or empty.
 */
export const runAdd: CommandRun = async (ctx) => {
  const o = (name: string) => optionValue(ctx, name);
  for (const [name, shown] of [['workspace', '--workspace DIR'], ['country', '--country ISO3'], ['pem', '--pem FILE'], ['fingerprint', '--fingerprint HEX']] as const) {
    if (o(name) === undefined) return usageError(ctx, 'registry add', 'errors.missingOption', { option: shown });
  }
  const role = o('role') ?? 'focal-point';
  if (!(KEY_ROLES as readonly string[]).includes(role)) return usageError(ctx, 'registry add', 'registry.badRole', { value: role });
  const pem = await readInput(ctx, path.resolve(o('pem') as string));
  if (typeof pem === 'number') return pem;
  return withWorkspace(ctx, { write: true, create: true }, async (ws) => {
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
  });
};

/** `scsa registry revoke FINGERPRINT --workspace DIR [--date D] [--country ISO3]`. */
export const runRevoke: CommandRun = (ctx) =>
  withWorkspace(ctx, { write: true }, async (ws) => {
    const date = optionValue(ctx, 'date');
    const country = optionValue(ctx, 'country');
    printChange(ctx, 'registry.revoked', await revokeKey(ws, ctx.positionals[0] as string, { ...(date ? { date } : {}), ...(country ? { country } : {}) }));
    return EXIT.ok;
  });

/** `scsa registry apply-replacement STATEMENT --workspace DIR`: a key-replacement.json signed by a registered key. */
export const runApplyReplacement: CommandRun = async (ctx) => {
  const file = ctx.positionals[0] as string;
  const raw = await readInput(ctx, path.resolve(file));
  if (typeof raw === 'number') return raw;
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    ctx.err(`scsa: ${ctx.t('registry.unreadable', { file })}`);
    return EXIT.failedCheck;
  }
  return withWorkspace(ctx, { write: true }, async (ws) => {
    printChange(ctx, 'registry.replaced', await applyReplacement(ws, json));
    return EXIT.ok;
  });
};

