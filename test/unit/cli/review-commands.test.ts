// scsa review send, review merge and diff, run as a user runs them: the built command line in a child
// process, on a draft answered in Arabic, with replies written the way the reviewers' app writes them.
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ENTRY, ensureBuilt } from '../../e2e/harness';
import { serializeDraft } from '../../../core/store/read';
import { DraftSchema, type Draft } from '../../../core/draft/schema';
import { ingestAttachment } from '../../../core/store/attachments';
import { companionAttachmentsDir } from '../../../core/store/portable';
import { readReviewCopy, replyText, type ReceivedReply, type ReviewRequest } from '../../../core/review';
import { baseDraft, reply } from '../review/fixture';

const STACK_LINE = /\n\s+at .+:\d+:\d+/;
const OLDER_BUNDLE = path.resolve(__dirname, '../../fixtures/bundle/before-consultations.zip');
let dir: string;

function scsa(args: string[], env: Record<string, string> = {}) {
  const { SCSA_LANG: _l, ...base } = process.env;
  const run = spawnSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8', cwd: dir, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const file = (name: string) => path.join(dir, name);
const readDraft = async (name: string): Promise<Draft> => DraftSchema.parse(JSON.parse(await fs.readFile(file(name), 'utf8')));

async function writeDraft(name: string, draft: Draft): Promise<void> {
  await fs.writeFile(file(name), serializeDraft(draft));
}

async function copyRequest(name: string): Promise<ReviewRequest> {
  const copy = await readReviewCopy(file(name));
  copy.close();
  return copy.request;
}

async function writeReply(name: string, r: ReceivedReply): Promise<void> {
  await fs.writeFile(file(name), replyText(r.reply));
}

beforeAll(async () => {
  await ensureBuilt();
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scsa-cli-review-'));
  const attachments = companionAttachmentsDir(file('ken.scsa.json'));
  const ref = await ingestAttachment(attachments, [Buffer.from('الاستراتيجية الوطنية')], { name: 'استراتيجية.txt', mediaType: 'text/plain' });
  const draft = baseDraft();
  await writeDraft('ken.scsa.json', { ...draft, attachments: [ref], answers: { ...draft.answers, 'C.3': { files: [ref.sha256], links: [] } } });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
});

describe('scsa review send', () => {
  it('writes a review copy: addressee, sections, due date, message, base revision and the attached files', async () => {
    const r = scsa(['review', 'send', 'ken.scsa.json', '--to', 'وزارة الصحة', '--name', 'د. سارة', '--sections', 'B,C', '--due', '2026-12-01', '--message', 'يرجى المراجعة', '--out', 'health.scsa-review']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('health.scsa-review');
    const copy = await readReviewCopy(file('health.scsa-review'));
    copy.close();
    expect(copy.request).toMatchObject({ to: { institution: 'وزارة الصحة', name: 'د. سارة' }, scope: ['B', 'C'], dueDate: '2026-12-01', message: 'يرجى المراجعة', base: { draftId: 'ken-2026', revision: 5 } });
    expect(copy.request.from).toEqual({ name: 'أمينة علي', institution: 'وزارة الداخلية' });
    expect(copy.attachments).toHaveLength(1);
    expect(r.stdout).toContain(copy.request.reviewId);
  });

  it('explains its options with --help, in the message language', () => {
    const r = scsa(['review', 'send', '--help', '--lang', 'ru']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('review send DRAFT --to INSTITUTION');
    expect(r.stdout).toContain('--no-attachments   не включать приложенные файлы');
  });

  it('leaves the files out with --no-attachments', async () => {
    expect(scsa(['review', 'send', 'ken.scsa.json', '--to', 'X', '--no-attachments', '--out', 'x.scsa-review']).code).toBe(0);
    const copy = await readReviewCopy(file('x.scsa-review'));
    copy.close();
    expect(copy.attachments).toEqual([]);
    expect(copy.request.draft.attachments).toHaveLength(1);
  });

  it('refuses bad usage (exit 2) and never replaces a file (exit 1)', async () => {
    expect(scsa(['review', 'send', 'ken.scsa.json', '--out', 'a.scsa-review']).code).toBe(2);
    const badDate = scsa(['review', 'send', 'ken.scsa.json', '--to', 'X', '--due', '1/12/2026', '--out', 'a.scsa-review']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('YYYY-MM-DD');
    const badSection = scsa(['review', 'send', 'ken.scsa.json', '--to', 'X', '--sections', 'B,Q', '--out', 'a.scsa-review']);
    expect(badSection.code).toBe(2);
    expect(badSection.stderr).toContain('"Q"');
    const review = scsa(['review']);
    expect(review.code).toBe(2);
    expect(review.stderr).toMatch(/send\|merge[\s\S]*scsa review --help/);
    await fs.writeFile(file('taken.scsa-review'), 'mine');
    expect(scsa(['review', 'send', 'ken.scsa.json', '--to', 'X', '--out', 'taken.scsa-review']).code).toBe(1);
    expect(await fs.readFile(file('taken.scsa-review'), 'utf8')).toBe('mine');
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.scsa-review'))).toEqual(['taken.scsa-review']);
  });

  it('names a missing attached file and writes nothing', async () => {
    const attachments = companionAttachmentsDir(file('ken.scsa.json'));
    for (const f of await fs.readdir(attachments)) await fs.rm(path.join(attachments, f));
    const r = scsa(['review', 'send', 'ken.scsa.json', '--to', 'X', '--out', 'a.scsa-review']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('استراتيجية.txt');
    await expect(fs.access(file('a.scsa-review'))).rejects.toThrow();
  });
});

describe('scsa review merge', () => {
  let health: ReviewRequest;
  let interior: ReviewRequest;

  beforeEach(async () => {
    expect(scsa(['review', 'send', 'ken.scsa.json', '--to', 'وزارة الصحة', '--out', 'health.scsa-review']).code).toBe(0);
    expect(scsa(['review', 'send', 'ken.scsa.json', '--to', 'Ministry of Interior', '--out', 'interior.scsa-review']).code).toBe(0);
    health = await copyRequest('health.scsa-review');
    interior = await copyRequest('interior.scsa-review');
    const b5 = health.draft.answers['B.5'] as Record<string, unknown>;
    await writeReply('health.scsa-reply.json', reply(health, {
      institution: 'وزارة الصحة',
      verdict: 'changes_requested',
      suggestions: { 'A.1': 'وزارة الداخلية ووزارة الصحة.', 'B.5': { ...b5, examples: 'نيروبي وكيسومو.' } },
      comments: [{ itemId: 'B.1', text: 'لماذا جزئيا؟' }],
    }));
    await writeReply('interior.scsa-reply.json', reply(interior, { institution: 'Ministry of Interior', suggestions: { 'B.4': 45, 'A.3': ['academia'] } }));
    // Meanwhile the focal point changed A.1 and the measures of B.5, and saved twice.
    const d = await readDraft('ken.scsa.json');
    await writeDraft('ken.scsa.json', { ...d, revision: 7, answers: { ...d.answers, 'A.1': 'وزارة الداخلية تقود التقييم.', 'B.5': { ...b5, measures: 'تدابير محدَّثة.' } } });
  });

  it('shows per item: clean, merges, conflict and comments, with each reply’s verdict', () => {
    const r = scsa(['review', 'merge', 'ken.scsa.json', '--base', 'health.scsa-review', 'health.scsa-reply.json', 'interior.scsa-reply.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Reply from وزارة الصحة');
    expect(r.stdout).toContain('Changes requested');
    expect(r.stdout).toMatch(/^A\.1 {2}conflict — وزارة الصحة: the whole answer$/m);
    expect(r.stdout).toMatch(/^A\.3 {2}applies cleanly — Ministry of Interior$/m);
    expect(r.stdout).toMatch(/^B\.1 {2}comment — وزارة الصحة: لماذا جزئيا؟$/m);
    expect(r.stdout).toMatch(/^B\.5 {2}merges with your changes — وزارة الصحة$/m);
  });

  it('--json gives the statuses, the conflicting parts and the merged answers', () => {
    const r = scsa(['review', 'merge', 'ken.scsa.json', '--base', 'health.scsa-review', 'health.scsa-reply.json', 'interior.scsa-reply.json', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { counts: Record<string, number>; items: Array<{ itemId: string; suggestions: Array<{ status: string; merged?: unknown; conflicts: unknown[] }> }> };
    expect(out.counts).toMatchObject({ clean: 2, merges: 1, conflict: 1, comments: 1 });
    const b5 = out.items.find((i) => i.itemId === 'B.5')?.suggestions[0];
    expect(b5?.merged).toMatchObject({ measures: 'تدابير محدَّثة.', examples: 'نيروبي وكيسومو.' });
    expect(out.items.find((i) => i.itemId === 'A.1')?.suggestions[0]?.conflicts).toHaveLength(1);
  });

  it('--accept-clean writes the next revision with what applies cleanly, each named in the change log', async () => {
    const before = await readDraft('ken.scsa.json');
    const r = scsa(['review', 'merge', 'ken.scsa.json', '--base', 'health.scsa-review', 'health.scsa-reply.json', 'interior.scsa-reply.json', '--accept-clean']);
    expect(r.code).toBe(0);
    const after = await readDraft('ken.scsa.json');
    expect(after.revision).toBe(before.revision + 1);
    expect(after.answers['B.4']).toBe(45);
    expect(after.answers['A.3']).toEqual(['academia']);
    expect(after.answers['A.1']).toBe(before.answers['A.1']);
    expect(after.answers['B.5']).toEqual(before.answers['B.5']);
    const entry = after.changeLog[after.changeLog.length - 1];
    expect(entry?.accepted?.map((a) => [a.itemId, a.institution, a.reviewId]).sort()).toEqual([
      ['A.3', 'Ministry of Interior', interior.reviewId],
      ['B.4', 'Ministry of Interior', interior.reviewId],
    ]);
    expect(r.stdout).toContain(`revision ${after.revision}`);
  });

  it('--dry-run writes nothing', async () => {
    const bytes = await fs.readFile(file('ken.scsa.json'));
    const r = scsa(['review', 'merge', 'ken.scsa.json', '--base', 'health.scsa-review', 'interior.scsa-reply.json', '--accept-clean', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dry run');
    expect(await fs.readFile(file('ken.scsa.json'))).toEqual(bytes);
  });

  it('speaks the message language (French here), whatever the language of the answers', () => {
    const r = scsa(['review', 'merge', 'ken.scsa.json', '--base', 'health.scsa-review', 'health.scsa-reply.json', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('conflit');
    expect(r.stdout).toContain('Modifications demandées');
  });

  describe('refuses bad replies with a clear message, and then changes nothing', () => {
    async function refused(replyFile: string, expected: RegExp) {
      const bytes = await fs.readFile(file('ken.scsa.json'));
      const r = scsa(['review', 'merge', 'ken.scsa.json', '--base', 'health.scsa-review', 'interior.scsa-reply.json', replyFile, '--accept-clean']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(expected);
      expect(r.stdout).toContain('has not been changed');
      expect(await fs.readFile(file('ken.scsa.json'))).toEqual(bytes);
    }

    it('a reply for another draft', async () => {
      const other = { ...health, base: { ...health.base, draftId: 'other-draft' } };
      await writeReply('other.json', reply(other, { institution: 'Ministry of Finance', suggestions: { 'B.4': 10 } }));
      await refused('other.json', /Ministry of Finance belongs to another assessment/);
    });

    it('a reply for another base (the revision was restored over)', async () => {
      const other = { ...health, base: { ...health.base, contentSha256: 'f'.repeat(64) } };
      await writeReply('restored.json', reply(other, { institution: 'Ministry of Finance', suggestions: { 'B.4': 10 } }));
      await refused('restored.json', /revision 5, but your revision 5 now has other content/);
    });

    it('a reply edited by hand into invalid JSON', async () => {
      await fs.writeFile(file('broken.json'), (await fs.readFile(file('health.scsa-reply.json'), 'utf8')).slice(0, 200));
      await refused('broken.json', /not valid JSON/);
    });

    it('a reply naming items the checklist does not have', async () => {
      const text = (await fs.readFile(file('health.scsa-reply.json'), 'utf8')).replace('"itemId": "B.1"', '"itemId": "Z.99"');
      await fs.writeFile(file('unknown.json'), text);
      await refused('unknown.json', /Z\.99/);
    });

    it('a reply of 50 MB', async () => {
      const handle = await fs.open(file('huge.json'), 'w');
      await handle.truncate(50 * 1024 * 1024);
      await handle.close();
      await refused('huge.json', /too large/);
    });
  });

  it('uses the same reply given twice once', () => {
    const r = scsa(['review', 'merge', 'ken.scsa.json', '--base', 'health.scsa-review', 'interior.scsa-reply.json', 'interior.scsa-reply.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('given twice');
    expect(r.stdout.match(/^B\.4 /gm)).toHaveLength(1);
  });

  it('refuses a review copy edited by hand, or made from another assessment', async () => {
    const copy = await fs.readFile(file('health.scsa-review'));
    await fs.writeFile(file('cut.scsa-review'), copy.subarray(0, copy.length - 30));
    const cut = scsa(['review', 'merge', 'ken.scsa.json', '--base', 'cut.scsa-review', 'health.scsa-reply.json']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('cut.scsa-review');
    const other = await readDraft('ken.scsa.json');
    await writeDraft('other.scsa.json', { ...other, id: 'another-assessment' });
    const r = scsa(['review', 'merge', 'other.scsa.json', '--base', 'health.scsa-review', 'health.scsa-reply.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('another assessment');
  });
});

describe('scsa diff', () => {
  it('lists the changed items of two drafts: words in Arabic text, fields, rows and choices', async () => {
    const d = await readDraft('ken.scsa.json');
    const b5 = d.answers['B.5'] as Record<string, unknown>;
    const rows = d.answers['C.2'] as [Record<string, string | number>, Record<string, string | number>];
    await writeDraft('later.scsa.json', {
      ...d,
      revision: 9,
      answers: {
        ...d.answers,
        'A.3': ['academia', 'women_youth'],
        'B.5': { ...b5, measures: 'اعتمدت الحكومة استراتيجية وطنية جديدة للسلامة الحضرية في عام 2023.' },
        'C.2': [{ ...rows[0], population: 4500000 }, rows[1], { city: 'ناكورو', population: 570000 }],
      },
    });
    const r = scsa(['diff', 'ken.scsa.json', 'later.scsa.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Items changed from ken.scsa.json to later.scsa.json: 3.');
    expect(r.stdout).toContain('{+جديدة +}');
    expect(r.stdout).toContain('[-2019-]{+2023+}');
    expect(r.stdout).toMatch(/^ {4}\+ Women’s and youth organizations$/m);
    expect(r.stdout).toMatch(/^ {4}− Civil society organizations$/m);
    expect(r.stdout).toMatch(/~ row 1:\n\s+Population covered: 4400000 → 4500000/);
    expect(r.stdout).toMatch(/\+ row 3: City: ناكورو/);
    expect(r.stdout).toMatch(/− row 3: City: كيسومو/);
    const json = JSON.parse(scsa(['diff', 'ken.scsa.json', 'later.scsa.json', '--json']).stdout) as { items: Array<{ itemId: string; detail: { kind: string } }> };
    expect(json.items.map((i) => [i.itemId, i.detail.kind])).toEqual([
      ['A.3', 'set'],
      ['B.5', 'fields'],
      ['C.2', 'rows'],
    ]);
    expect(scsa(['diff', 'ken.scsa.json', 'ken.scsa.json']).stdout).toContain('No answer differs');
  });

  it('reads submission bundles too, and says when a file is neither', async () => {
    const same = scsa(['diff', OLDER_BUNDLE, OLDER_BUNDLE]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No answer differs');
    const r = scsa(['diff', OLDER_BUNDLE, 'ken.scsa.json', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { a: { kind: string; submissionRevision: number }; sameAssessment: boolean; items: unknown[] };
    expect(out.a).toMatchObject({ kind: 'bundle', submissionRevision: 1 });
    expect(out.sameAssessment).toBe(false);
    expect(out.items.length).toBeGreaterThan(5);
    await fs.writeFile(file('junk.zip'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    const bad = scsa(['diff', 'junk.zip', 'ken.scsa.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('junk.zip');
  });
});
