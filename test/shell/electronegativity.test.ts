// Static security review of the Electron code: no HIGH or MEDIUM finding at all.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
// The tool judges each option against the defaults of an Electron version (contextIsolation, sandbox…):
// it must be the version the app ships, or its findings describe some other app. Without `-e` it
// guesses from the scanned folder, finds nothing there, and assumes 0.1.0, where every default is unsafe.
const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const declaredElectron = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['electron'] ?? '';

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

/**
 * A positive control, scanned beside the real code: a window with a preload and Node turned on. If
 * the tool stops finding these (a new version, a lost CSV row), a clean result would mean nothing.
 */
const CANARY_FILE = 'canary-known-bad.js';
const CANARY_SOURCE = `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { preload: '/tmp/p.js', nodeIntegration: true } });
`;

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

let tmp = '';
let toolOutput = '';
let findings: Finding[] = [];
let header: string[] = [];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-electronegativity-'));
  const report = path.join(tmp, 'report.csv');
  // Scan a copy of electron/ with the canary added, so the real tree is never touched.
  const input = path.join(tmp, 'electron');
  await fs.cp(path.join(root, 'electron'), input, { recursive: true });
  await fs.writeFile(path.join(input, CANARY_FILE), CANARY_SOURCE);
  // The CSV writer opens the file twice at once (header, then rows); one libuv thread keeps the
  // header from overwriting the first finding. The tool exits 0 whatever it finds.
  const { stdout, stderr } = await run(
    path.join(root, 'node_modules/.bin/electronegativity'),
    ['-i', input, '-o', report, '-r', '-e', electronVersion],
    { cwd: root, env: { ...process.env, UV_THREADPOOL_SIZE: '1' }, timeout: 170_000 },
  );
  toolOutput = stdout + stderr;
  const [head = [], ...rows] = parseCsv(await fs.readFile(report, 'utf8'));
  header = head.map((h) => h.trim());
  findings = rows.map(([issue = '', severity = '', confidence = '', file = '', location = '', sample = '', description = '']) => ({
    issue,
    severity,
    confidence,
    file,
    location,
    sample,
    description,
  }));
}, 180_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('electronegativity over electron/', () => {
  const ours = (): Finding[] => findings.filter((f) => f.file !== CANARY_FILE);

  it('judged the code against the Electron version the app installs and declares', () => {
    // `^41.7.1` in package.json, 41.7.1 in node_modules: the same major version, passed with -e.
    expect(declaredElectron.replace(/^[\^~]/, '').split('.')[0]).toBe(electronVersion.split('.')[0]);
    expect(toolOutput).not.toMatch(/Couldn't detect Electron version/);
  });

  it('wrote a complete report, in which the canary is found', () => {
    expect(header).toEqual(['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url']);
    for (const finding of findings) expect(finding.issue).toMatch(/^[A-Z0-9_]+$/);
    const canary = findings.filter((f) => f.file === CANARY_FILE).map((f) => [f.issue, f.severity]);
    expect(canary).toEqual(expect.arrayContaining([['PRELOAD_JS_CHECK', 'MEDIUM'], ['NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL']]));
  });

  it('finds nothing of HIGH or MEDIUM severity in the app, with no exception', () => {
    expect(ours().filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')).toEqual([]);
  });

  it('has every remaining finding explained in docs/security.md', async () => {
    const doc = await fs.readFile(path.join(root, 'docs/security.md'), 'utf8');
    for (const finding of ours()) expect(doc, finding.issue).toContain(finding.issue);
  });
});
