// scsa pdf, run as a user runs it: the built command line in a child process.
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, ROOT, ensureBuilt } from '../../e2e/harness';
import { outline, pageCount, pdftotext, qpdfCheck, run } from '../pdf/pdf-tools';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
const EXAMPLE = path.join(ROOT, 'core', 'checklist', 'examples', 'example-en.scsa.json');
let dir: string;

function scsa(args: string[]) {
  const { SCSA_LANG: _ignored, ...base } = process.env;
  const r = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: base });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cliPdf = (lng: string) => (JSON.parse(readFileSync(path.join(ROOT, 'locales', lng, 'cli.json'), 'utf8')) as { pdf: Record<string, string> }).pdf;

beforeAll(async () => {
  await ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-pdf-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scsa pdf', () => {
  it('writes the report of the example draft: a valid PDF with every item, exit 0, nothing but the result said', async () => {
    const file = path.join(dir, 'example-en.scsa.json');
    await fs.copyFile(EXAMPLE, file);
    const out = path.join(dir, 'r.pdf');
    const r = scsa(['pdf', file, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pages = pageCount(out);
    expect(r.stdout.trim()).toBe(cliPdf('en').written?.replace('{{file}}', out).replace('{{pages}}', String(pages)));
    expect(qpdfCheck(out).status).toBe(0);
    const tree = outline(out);
    expect(tree).toHaveLength(9);
    expect(tree.reduce((n, s) => n + s.kids.length, 0)).toBe(85);
    expect(pdftotext(out, 1)).toContain('Example');
    expect(run('pdfinfo', [out])).toMatch(/Page size:\s+595\.\d* x 841\.\d*/);
    expect((await fs.readdir(dir)).sort()).toEqual(['example-en.scsa.json', 'r.pdf']);
  }, 120_000);

  it('prints on US Letter, and lists characters no font can draw as a warning while still writing the file', async () => {
    const draftFile = path.join(dir, 'sample.scsa.json');
    expect(scsa(['new', '--country', 'KEN', '--lang', 'en', '--pack', 'safer-cities-sample@0.1.0', '--out', draftFile]).code).toBe(0);
    const draft = JSON.parse(await fs.readFile(draftFile, 'utf8')) as { answers: Record<string, unknown> };
    draft.answers['A.1'] = 'Ministry of Lands \u{F0000} and Housing';
    await fs.writeFile(draftFile, JSON.stringify(draft));
    const out = path.join(dir, 'letter.pdf');
    const r = scsa(['pdf', draftFile, '--out', out, '--paper', 'letter', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('U+F0000');
    expect(r.stderr).toMatch(/^Attention/m);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(run('pdfinfo', [out])).toMatch(/Page size:\s+612 x 792/);
    expect(pdftotext(out)).toContain('Ministry of Lands');
  }, 120_000);

  it('exits 1 for a draft it cannot read or whose checklist it does not carry, saying why in the message language', async () => {
    const broken = path.join(dir, 'broken.scsa.json');
    await fs.writeFile(broken, '{"schemaVersion": 1, "id": ');
    const out = path.join(dir, 'never.pdf');
    const cut = scsa(['pdf', broken, '--out', out, '--lang', 'fr']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('broken.scsa.json');
    expect(cut.stderr).toMatch(/incomplet/);
    expect(cut.stderr).not.toMatch(STACK_LINE);

    const missing = scsa(['pdf', path.join(dir, 'nowhere.scsa.json'), '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');

    const unknownPack = path.join(dir, 'other-pack.scsa.json');
    const example = JSON.parse(await fs.readFile(EXAMPLE, 'utf8')) as { checklist: { id: string; version: string } };
    example.checklist = { id: 'safer-cities-sacl', version: '9.0.0' };
    await fs.writeFile(unknownPack, JSON.stringify(example));
    const pack = scsa(['pdf', unknownPack, '--out', out]);
    expect(pack.code).toBe(1);
    expect(pack.stderr).toContain('9.0.0');
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('exits 2 without --out or with a paper size it does not know', () => {
    const noOut = scsa(['pdf', EXAMPLE]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE');
    const a5 = scsa(['pdf', EXAMPLE, '--out', path.join(dir, 'a5.pdf'), '--paper', 'a5']);
    expect(a5.code).toBe(2);
    expect(a5.stderr).toContain('"a5"');
    expect(scsa(['pdf']).code).toBe(2);
  });
});
