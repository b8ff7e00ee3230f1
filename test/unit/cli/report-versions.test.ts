// scsa report over a workspace with submissions on two checklist versions: 1.0.0 (carried by the
// app) and 1.1.0 (installed in the app's data folder, named with --data), one version at a time
// and --all-versions; counts per item with their denominators, read back from the CSV tables.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearInstalledPacks } from '../../../core/checklist/registry';
import { installPack } from '../../../core/packs/install';
import { CLI_ENTRY, ensureBuilt } from '../../e2e/harness';
import { signedPack, testKey, trustOf } from '../../fixtures/packs/signing';
import { sacl, versionsWorkspace } from '../analysis/versions-workspace';
import enCli from '../../../locales/en/cli.json';
import enAnalysis from '../../../locales/en/analysis.json';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
const ID = sacl.pack.id;
let dir = '';
let data = '';
let pub = '';

function scsa(args: string[]) {
  const { SCSA_LANG: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [CLI_ENTRY, 'report', '--workspace', 'ws', '--lang', 'en', ...args], { encoding: 'utf8', cwd: dir, env });
  expect(r.stderr).not.toMatch(STACK_LINE);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** RFC 4180 as csv.ts writes it (BOM, CRLF, quoted fields): the rows, header first. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r') continue;
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

/** English column header → the column's key (`answered`, `otherVersion`…). */
const keyOf = new Map(Object.entries(enAnalysis.columns).map(([key, header]) => [header, key]));

/** One table of the report as objects keyed by column (headers read back to their keys). */
async function table(id: string, args: string[]): Promise<Record<string, string>[]> {
  const out = `${id}-${args.join('_').replace(/[^A-Za-z0-9.-]/g, '')}.csv`;
  const r = scsa([...args, '--out', out, '--table', id]);
  expect(r.code, r.stderr).toBe(0);
  const [header, ...rows] = parseCsv(await fs.readFile(path.join(dir, out), 'utf8'));
  return rows.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [keyOf.get(h) ?? h, cells[i] ?? ''])));
}

beforeAll(async () => {
  await ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-report-versions-'));
  const made = await versionsWorkspace(dir);
  await made.ws.close();
  // 1.1.0 as the app has it: a signed pack file installed in its data folder.
  const secretariat = testKey();
  data = path.join(dir, 'app-data');
  pub = path.join(dir, 'secretariat.pub.pem');
  await fs.writeFile(pub, secretariat.publicKeyPem);
  await installPack(await signedPack(made.revisionSource, secretariat), { dataDir: data, trust: trustOf(secretariat) });
  clearInstalledPacks();
}, 180_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const installed = () => ['--data', data, '--trust', pub];
const rowsOf = (rows: Record<string, string>[], item: string) => rows.filter((r) => r.item === item);

describe('scsa report --all-versions over a workspace on 1.0.0 and 1.1.0', () => {
  it('counts every current submission under 1.1.0, each item with its denominator, countries by name', async () => {
    const r = scsa(['--all-versions', ...installed(), '--out', 'all.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('participating countries: 5');
    expect(r.stderr).not.toContain('not in this report');

    const choices = await table('choices', ['--all-versions', ...installed()]);
    // DEU yes and PER no on 1.0.0 (converted), AUT yes, JPN no and KEN planned on 1.1.0.
    expect(rowsOf(choices, 'A.4').map((c) => [c.option, c.count, c.answered, c.otherVersion])).toEqual([
      ['Yes', '2', '5', '0'],
      ['Not yet, but a meeting is planned', '1', '5', '0'],
      ['No', '2', '5', '0'],
    ]);
    // C.20 is new in 1.1.0: counted over its three countries, the two on 1.0.0 apart.
    expect(rowsOf(choices, 'C.20').map((c) => [c.option, c.count, c.answered, c.skipped, c.notAnswered, c.otherVersion])).toEqual([
      ['Yes', '2', '3', '0', '0', '2'],
      ['No', '1', '3', '0', '0', '2'],
    ]);
    // D.4 left 1.1.0: it is in 1.0.0's own analysis, and the versions table says so.
    expect(rowsOf(choices, 'D.4')).toEqual([]);
    const versions = await table('versions', ['--all-versions', ...installed()]);
    expect(versions.filter((v) => v.item === 'D.4').map((v) => v.checklistVersion)).toEqual(['1.0.0']);

    const participation = await table('participation', ['--all-versions', ...installed()]);
    expect(participation.map((p) => [p.iso3, p.checklistVersion])).toEqual([
      ['AUT', '1.1.0'],
      ['DEU', '1.0.0'],
      ['JPN', '1.1.0'],
      ['KEN', '1.1.0'],
      ['PER', '1.0.0'],
    ]);
  });

  it('one version at a time: each counts only its own current submissions', async () => {
    const newer = await table('coverage', ['--checklist', `${ID}@1.1.0`, ...installed()]);
    expect(rowsOf(newer, 'C.20').map((c) => [c.answered, c.skipped, c.notAnswered, c.countries])).toEqual([['3', '0', '0', '3']]);
    expect(rowsOf(newer, 'D.4')).toEqual([]);
    expect(Object.keys(newer[0] ?? {})).not.toContain('otherVersion');
    const older = await table('coverage', ['--checklist', `${ID}@1.0.0`]);
    expect(rowsOf(older, 'D.4').map((c) => [c.answered, c.countries])).toEqual([['2', '2']]);
    expect(rowsOf(older, 'C.20')).toEqual([]);
  });

  it('without --data, says which versions it does not know and leaves them out, rather than pass a smaller report for the whole', async () => {
    const r = scsa(['--all-versions', '--out', 'known-only.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('participating countries: 2');
    expect(r.stderr).toContain(enCli.report.unknownVersions.replace('{{list}}', `${ID}@1.1.0 (3)`));
    const named = scsa(['--checklist', `${ID}@1.1.0`, '--out', 'newer.xlsx']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(enCli.validate.packNotFoundHint);
  });
});
