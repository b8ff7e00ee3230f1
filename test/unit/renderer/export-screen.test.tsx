// @vitest-environment happy-dom
// The export screen with a fake core: it names the assessment and the revision it will be, shows what
// is missing first (by item title, linked) and asks for the passphrase only when nothing is; after the
// export it says where the bundle is, how to send it, and opens the transmittal letter to print.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Api, AssessmentOverview, DraftProblemInfo, JobResult, KeptSubmission, SigningKeyInfo } from '../../../core/api/contract';
import { createFakeApi, SAMPLE_ASSESSMENT } from './fake-api';
import { renderApp, resetPage } from './render-app';
import { catchDownloads } from './catch-downloads';
import { loadSamplePack } from '../../../core/checklist/sample';

const FP = '4a4627336afb3e917be9821679bf75c14ef61f31d5eca5621b2e226b30c26a0b';
const KEY: SigningKeyInfo = {
  fingerprint: FP,
  printable: '4a462733 6afb3e91 7be98216 79bf75c1\n4ef61f31 d5eca562 1b2e226b 30c26a0b',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----\n',
  createdAt: '2026-11-20T10:15:00.000Z',
  protectedByKeychain: false,
  keychainAvailable: false,
};
const JOB = '6f1c7d0e-8a57-4c1b-9d1e-0b6f5d1d2a11';
const NAME = 'FRA_safer-cities-sample_v0.1.0_r3_2026-11-20.zip';
const SENT: KeptSubmission = { fileName: NAME, size: 3 * 1024 * 1024, submissionRevision: 3, draftRevision: 7, externalIdentifier: 'urn:uuid:0b6f5d1d-2a11-4c1b-9d1e-6f1c7d0e8a57', fingerprint: FP, exportedAt: '2026-11-20T10:15:00.000Z' };
const OVERVIEW: AssessmentOverview = {
  summary: { ...SAMPLE_ASSESSMENT, id: 'abc-1', checklistId: 'safer-cities-sample', checklistVersion: '0.1.0', revision: 7, submission: { submissionRevision: 2, exportedAt: '2026-11-01T10:00:00.000Z', changed: true } },
  assessment: {
    countryCode: 'FRA',
    responseLanguage: 'fr',
    focalPoints: [{ name: 'Amina Haddad', title: 'Directrice', institution: 'Ministère de la Ville', email: 'amina@example.org', phone: '+33 1 23 45 67 89' }],
    contributingInstitutions: [],
    periodCovered: null,
  },
};
const MISSING: DraftProblemInfo[] = [{ itemId: 'A.1', problem: 'required', messageKey: 'drafts:validation.required', params: {} }];

afterEach(() => {
  resetPage();
  window.location.hash = '';
  vi.restoreAllMocks();
});

function exportApi(problems: DraftProblemInfo[], language = 'en') {
  const { pack, translationGaps } = loadSamplePack();
  const fail = async () => ({ ok: false as const, error: { code: 'errors.unexpected' } });
  const m = {
    getAssessmentOverview: vi.fn<Api['getAssessmentOverview']>(async () => ({ ok: true, value: OVERVIEW })),
    validateAssessment: vi.fn<Api['validateAssessment']>(async () => ({ ok: true, value: problems })),
    getPack: vi.fn<Api['getPack']>(async () => ({ ok: true, value: { pack, translationGaps } })),
    getSigningKey: vi.fn<Api['getSigningKey']>(async () => ({ ok: true, value: KEY })),
    exportSubmission: vi.fn<Api['exportSubmission']>(fail),
    getJob: vi.fn<Api['getJob']>(fail),
    takeJobResult: vi.fn<Api['takeJobResult']>(fail),
    listSubmissions: vi.fn<Api['listSubmissions']>(async () => ({ ok: true, value: [] })),
    downloadSubmission: vi.fn<Api['downloadSubmission']>(async (_id, file) => ({ ok: true, value: { token: 'a'.repeat(64), fileName: file } })),
  };
  return { api: createFakeApi({ language, overrides: m }), m };
}

function jobThen(m: ReturnType<typeof exportApi>['m'], result: JobResult) {
  let calls = 0;
  m.getJob.mockImplementation(async () => ({
    ok: true as const,
    value: calls++ === 0 ? { kind: result.kind, state: 'running' as const, progress: 0.5 } : { kind: result.kind, state: 'done' as const, progress: 1 },
  }));
  m.takeJobResult.mockImplementation(async () => ({ ok: true as const, value: result }));
}

describe('export screen, before the passphrase', () => {
  it('names the country and the revision, lists the missing items by title as links, and asks no passphrase', async () => {
    window.location.hash = '#/a/abc-1/export';
    const { api, m } = exportApi(MISSING);
    await renderApp(api);
    const subject = await screen.findByTestId('export-subject');
    expect(subject.textContent).toContain('France');
    expect(subject.textContent).toContain('Draft revision 7. This export will be submission revision 3.');
    expect(subject.textContent).toContain('Changed since submission revision 2, exported on November 1, 2026.');
    const problems = screen.getByTestId('export-problems');
    expect(problems.textContent).toContain('1 problem must be resolved before the submission can be exported:');
    const link = within(problems).getByRole('link', { name: /^A\.1 / });
    expect(link.getAttribute('href')).toBe('#/a/abc-1/form?item=A.1');
    expect(link.textContent).toContain(loadSamplePack().pack.sections[0]?.items[0]?.text.en ?? 'missing');
    expect(screen.queryByLabelText('Passphrase of the signing key')).toBeNull();
    expect(screen.getByText(/asked for once every item above is complete/)).toBeTruthy();
    expect(m.exportSubmission).not.toHaveBeenCalled();
  });

  it('does the same in Arabic, with the items’ Arabic titles', async () => {
    window.location.hash = '#/a/abc-1/export';
    const { api } = exportApi(MISSING, 'ar');
    await renderApp(api);
    const subject = await screen.findByTestId('export-subject');
    expect(subject.textContent).toContain('فرنسا');
    expect(subject.textContent).toContain('سيكون هذا التصدير مراجعة التقديم 3');
    const link = within(screen.getByTestId('export-problems')).getByRole('link', { name: /^A\.1 / });
    expect(link.textContent).toContain(loadSamplePack().pack.sections[0]?.items[0]?.text.ar ?? 'missing');
    expect(screen.getByText('يجب حل مشكلة واحدة قبل أن يمكن تصدير التقديم:')).toBeTruthy();
    expect(screen.queryByLabelText('عبارة مرور مفتاح التوقيع')).toBeNull();
  });

  it('points to the key screen when everything is complete but there is no key yet', async () => {
    window.location.hash = '#/a/abc-1/export';
    const { api, m } = exportApi([]);
    m.getSigningKey.mockImplementation(async () => ({ ok: true, value: null }));
    await renderApp(api);
    expect(await screen.findByTestId('export-ready')).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Create a signing key' })).getAttribute('href')).toBe('#/signing-key');
  });
});

describe('export screen, the export and after', () => {
  it('exports as a job once ready, downloads the kept bundle, then says where it is, how to send it, and links the letter', async () => {
    window.location.hash = '#/a/abc-1/export';
    const { api, m } = exportApi([]);
    m.exportSubmission.mockImplementationOnce(async () => ({ ok: false, error: { code: 'bundle:errors.wrongPassphrase' } }));
    m.exportSubmission.mockImplementationOnce(async () => ({ ok: true, value: { jobId: JOB } }));
    jobThen(m, { kind: 'export', submission: { fileName: NAME, size: 3 * 1024 * 1024, submissionRevision: 3, externalIdentifier: SENT.externalIdentifier, fingerprint: FP } });
    const downloads = catchDownloads();
    await renderApp(api);
    expect(await screen.findByTestId('export-ready')).toBeTruthy();
    const pass = await screen.findByLabelText('Passphrase of the signing key');
    fireEvent.change(pass, { target: { value: 'wrong one here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign and export' }));
    expect(await screen.findByText(/The passphrase is wrong\./)).toBeTruthy();
    m.listSubmissions.mockImplementation(async () => ({ ok: true, value: [SENT] }));
    fireEvent.change(pass, { target: { value: 'right one here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign and export' }));
    expect(await screen.findByText(/^The bundle .* is ready \(submission revision 3, 3 MB\)\.$/, {}, { timeout: 3000 })).toBeTruthy();
    await waitFor(() => expect(downloads.names).toEqual([NAME]));

    const next = await screen.findByTestId('next-steps');
    expect(within(next).getByTestId('bundle-path').textContent).toBe(`/home/focal/scsa-data/submissions/abc-1/${NAME}`);
    for (const way of ['submission portal', 'e-mail', 'USB stick']) expect(next.textContent).toContain(way);
    fireEvent.click(within(next).getByRole('button', { name: 'Save a copy' }));
    await waitFor(() => expect(downloads.names).toEqual([NAME, NAME]));
    expect(within(next).getByRole('link', { name: 'Open the transmittal letter' }).getAttribute('href')).toBe('#/a/abc-1/letter/3');
    // The export is listed with its own letter too.
    expect((await screen.findByRole('link', { name: 'Transmittal letter (submission revision 3)' })).getAttribute('href')).toBe('#/a/abc-1/letter/3');
  });
});

describe('transmittal letter', () => {
  it('names the country, focal point, fingerprint, External-Identifier and date, and prints', async () => {
    window.location.hash = '#/a/abc-1/letter/3';
    const { api, m } = exportApi([]);
    m.listSubmissions.mockImplementation(async () => ({ ok: true, value: [SENT] }));
    // happy-dom has no print(); the page's own button calls the browser's.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    await renderApp(api);
    const letter = await screen.findByTestId('transmittal-letter');
    expect(within(letter).getByRole('heading', { name: 'Transmittal of the self-assessment of France' })).toBeTruthy();
    for (const fact of ['Amina Haddad, Directrice, Ministère de la Ville', SENT.externalIdentifier, NAME, '4a462733 6afb3e91 7be98216 79bf75c1', 'November 20, 2026']) {
      expect(letter.textContent).toContain(fact);
    }
    expect(letter.textContent).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date()));
    fireEvent.click(screen.getByRole('button', { name: 'Print the letter' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('is written in the interface language: Arabic, right to left, codes left to right', async () => {
    window.location.hash = '#/a/abc-1/letter/3';
    const { api, m } = exportApi([], 'ar');
    m.listSubmissions.mockImplementation(async () => ({ ok: true, value: [SENT] }));
    await renderApp(api);
    const letter = await screen.findByTestId('transmittal-letter');
    expect(within(letter).getByRole('heading', { name: 'إحالة التقييم الذاتي المقدَّم من فرنسا' })).toBeTruthy();
    expect(letter.textContent).toContain('بصمة مفتاح التوقيع');
    const code = [...letter.querySelectorAll('code')].find((c) => c.textContent === SENT.externalIdentifier);
    expect(code?.getAttribute('dir')).toBe('ltr');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('says so when that revision was never exported', async () => {
    window.location.hash = '#/a/abc-1/letter/9';
    const { api } = exportApi([]);
    await renderApp(api);
    expect(await screen.findByText(/Submission revision 9 has not been exported for this assessment/)).toBeTruthy();
  });
});
