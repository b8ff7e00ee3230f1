// @vitest-environment happy-dom
// The signing screens against a fake API: create and show the key, export a signed submission, check a bundle.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Api, JobResult, UploadApi, SigningKeyInfo } from '../../../core/api/contract';
import { createFakeApi } from './fake-api';
import { renderApp, resetPage } from './render-app';
import { catchDownloads } from './catch-downloads';
import { chooseFile } from './choose-file';

const FP = '4a4627336afb3e917be9821679bf75c14ef61f31d5eca5621b2e226b30c26a0b';
const KEY: SigningKeyInfo = {
  fingerprint: FP,
  printable: '4a462733 6afb3e91 7be98216 79bf75c1\n4ef61f31 d5eca562 1b2e226b 30c26a0b',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----\n',
  createdAt: '2026-11-20T10:15:00.000Z',
  protectedByKeychain: false,
  keychainAvailable: false,
};

afterEach(() => {
  resetPage();
  window.location.hash = '';
  vi.restoreAllMocks();
});

/** The fake API with the signing verbs (and validation) as typed mocks each test sets up. */
function signingApi(language?: string) {
  const fail = async () => ({ ok: false as const, error: { code: 'errors.unexpected' } });
  const m = {
    getSigningKey: vi.fn<Api['getSigningKey']>(fail),
    createSigningKey: vi.fn<Api['createSigningKey']>(fail),
    exportSubmission: vi.fn<Api['exportSubmission']>(fail),
    getJob: vi.fn<Api['getJob']>(fail),
    takeJobResult: vi.fn<Api['takeJobResult']>(fail),
    listSubmissions: vi.fn<Api['listSubmissions']>(async () => ({ ok: true, value: [] })),
    checkBundleFile: vi.fn<UploadApi['checkBundleFile']>(fail),
    downloadSubmission: vi.fn<Api['downloadSubmission']>(fail),
    validateAssessment: vi.fn<Api['validateAssessment']>(fail),
  };
  return { api: createFakeApi({ ...(language ? { language } : {}), overrides: m }), m };
}

const JOB = '6f1c7d0e-8a57-4c1b-9d1e-0b6f5d1d2a11';
/** A job that reports half done once, then `done`, and whose result is `result` once taken. */
function jobThen(m: ReturnType<typeof signingApi>['m'], result: JobResult) {
  let calls = 0;
  m.getJob.mockImplementation(async () => ({
    ok: true as const,
    value: calls++ === 0 ? { kind: result.kind, state: 'running' as const, progress: 0.5 } : { kind: result.kind, state: 'done' as const, progress: 1 },
  }));
  m.takeJobResult.mockImplementation(async () => ({ ok: true as const, value: result }));
}

const choose = (control: HTMLElement, file: File) => chooseFile(control, file);

describe('signing key screen', () => {
  it('creates the key after the passphrase is typed twice alike, then shows its fingerprint and public key', async () => {
    window.location.hash = '#/signing-key';
    const { api, m } = signingApi();
    m.getSigningKey.mockImplementation(async () => ({ ok: true, value: null }));
    m.createSigningKey.mockImplementation(async () => ({ ok: true, value: KEY }));
    await renderApp(api);
    const pass = await screen.findByLabelText('Passphrase');
    fireEvent.change(pass, { target: { value: 'a long enough phrase' } });
    fireEvent.change(screen.getByLabelText('Type the passphrase again'), { target: { value: 'a long enough phrase!' } });
    expect(screen.getByText('The two passphrases are not the same.')).toBeTruthy();
    const create = screen.getByRole('button', { name: 'Create the key' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Type the passphrase again'), { target: { value: 'a long enough phrase' } });
    fireEvent.click(create);
    expect(await screen.findByText('The signing key was created.')).toBeTruthy();
    expect(m.createSigningKey).toHaveBeenCalledWith('a long enough phrase');
    expect(screen.getByTestId('fingerprint').textContent).toBe(KEY.printable);
    expect(screen.getAllByText(/MCowBQYDK2VwAyEAexample/).length).toBeGreaterThan(0);
  });

  it('says why the core refused a passphrase, in the interface language', async () => {
    window.location.hash = '#/signing-key';
    const { api, m } = signingApi('fr');
    m.getSigningKey.mockImplementation(async () => ({ ok: true, value: null }));
    m.createSigningKey.mockImplementation(async () => ({ ok: false, error: { code: 'signing:errors.passphraseTooShort', params: { min: 10 } } }));
    await renderApp(api);
    fireEvent.change(await screen.findByLabelText('Phrase secrète'), { target: { value: 'court' } });
    fireEvent.change(screen.getByLabelText('Saisissez à nouveau la phrase secrète'), { target: { value: 'court' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer la clé' }));
    expect(await screen.findByText(/La phrase secrète doit comporter au moins 10 caractères\./)).toBeTruthy();
  });

  it('prints the key sheet and downloads the public key as a .pub.pem file', async () => {
    window.location.hash = '#/signing-key';
    const { api, m } = signingApi();
    m.getSigningKey.mockImplementation(async () => ({ ok: true, value: KEY }));
    const downloads = catchDownloads();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    await renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Download the public key' }));
    expect(downloads.names).toEqual(['scsa-signing-key-4a462733.pub.pem']);
    expect(await downloads.blobs[0]?.text()).toBe(KEY.publicKeyPem);
    fireEvent.click(screen.getByRole('button', { name: 'Print for an official letter' }));
    expect(print).toHaveBeenCalledOnce();
    // The paper sheet carries the fingerprint and the lines for name, date and signature.
    const sheet = document.querySelector('.signing-print');
    expect(sheet?.textContent).toContain(KEY.printable);
    expect(sheet?.textContent).toContain('Signature and stamp');
    vi.unstubAllGlobals();
  });
});

// The export screen has its own tests: export-screen.test.tsx.

describe('check a bundle screen', () => {
  it('sends the chosen zip and registry, and says valid but unregistered with the fingerprint', async () => {
    window.location.hash = '#/check';
    const { api, m } = signingApi();
    m.checkBundleFile.mockImplementation(async () => ({ ok: true, value: { jobId: JOB } }));
    jobThen(m, { kind: 'check', check: { status: 'valid-unregistered', fingerprints: [FP] } });
    await renderApp(api);
    choose(await screen.findByLabelText('Submission bundle (.zip)'), new File(['PKzip'], 'b.zip', { type: 'application/zip' }));
    choose(screen.getByLabelText('Key registry (optional, .json)'), new File(['[]'], 'r.json', { type: 'application/json' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check the bundle' }));
    // A labelled bar while the job runs (half done on the first poll).
    const bar = await screen.findByLabelText('Checking the bundle');
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('50%'));
    const result = await screen.findByTestId('check-result', {}, { timeout: 3000 });
    expect(screen.queryByLabelText('Checking the bundle')).toBeNull();
    expect(result.textContent).toContain('Valid, but the signing key is not in the registry.');
    expect(result.textContent).toContain('4a462733 6afb3e91');
    expect(m.checkBundleFile).toHaveBeenCalledWith(expect.objectContaining({ name: 'b.zip' }), '[]');
  });

  it('lists co-signers each with its own status, so the registered one is never a guess', async () => {
    window.location.hash = '#/check';
    const { api, m } = signingApi();
    const OTHER = 'f3a81935b5152bd33e079cfaea9357539d6e86a7a07102ff0a6f40e07a076ccc';
    const signers = [
      { fingerprint: FP, status: 'registered' as const },
      { fingerprint: OTHER, status: 'unregistered' as const },
    ];
    const bundle = { country: 'FRA', externalIdentifier: 'urn:uuid:x', submissionRevision: 1, baggingDate: '2026-11-20' };
    m.checkBundleFile.mockImplementation(async () => ({ ok: true, value: { jobId: JOB } }));
    jobThen(m, { kind: 'check', check: { status: 'valid-registered', fingerprints: [FP, OTHER], signers, bundle } });
    await renderApp(api);
    choose(await screen.findByLabelText('Submission bundle (.zip)'), new File(['PKzip'], 'b.zip', { type: 'application/zip' }));
    choose(screen.getByLabelText('Key registry (optional, .json)'), new File(['[]'], 'r.json', { type: 'application/json' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check the bundle' }));
    await screen.findByTestId('check-result', {}, { timeout: 3000 });
    const items = screen.getAllByRole('listitem').filter((li) => li.closest('[data-testid="check-signers"]'));
    expect(items.map((li) => li.textContent)).toEqual(['Key registered for FRA:4a462733 6afb3e91 7be98216 79bf75c1 4ef61f31 d5eca562 1b2e226b 30c26a0b', expect.stringMatching(/^Key not registered for FRA:f3a81935 /)]);
    expect(screen.getByRole('list', { name: 'Signers' })).toBeTruthy();
  });

  it('names the co-signer whose signature does not hold, beside the one that does', async () => {
    window.location.hash = '#/check';
    const { api, m } = signingApi('fr');
    const OTHER = 'f3a81935b5152bd33e079cfaea9357539d6e86a7a07102ff0a6f40e07a076ccc';
    const check = {
      status: 'invalid' as const,
      fingerprints: [FP, OTHER],
      signers: [
        { fingerprint: FP, status: 'registered' as const },
        { fingerprint: OTHER, status: 'invalid' as const },
      ],
      reason: { code: 'bundle:verify.signatureInvalid', params: { fingerprint: OTHER } },
    };
    m.checkBundleFile.mockImplementation(async () => ({ ok: true, value: { jobId: JOB } }));
    jobThen(m, { kind: 'check', check });
    await renderApp(api);
    choose(await screen.findByLabelText('Paquet de soumission (.zip)'), new File(['PKzip'], 'b.zip'));
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier le paquet' }));
    const result = await screen.findByTestId('check-result', {}, { timeout: 3000 });
    expect(result.textContent).toMatch(/^Non valide : /);
    const items = [...result.querySelectorAll('li')].map((li) => [li.getAttribute('data-status'), li.textContent]);
    expect(items).toEqual([
      ['registered', expect.stringMatching(/^Signature valide :4a462733/)],
      ['invalid', expect.stringMatching(/^Signature non valide :f3a81935/)],
    ]);
  });

  it('gives the first reason of an invalid bundle in the interface language', async () => {
    window.location.hash = '#/check';
    const { api, m } = signingApi('es');
    m.checkBundleFile.mockImplementation(async () => ({ ok: true, value: { jobId: JOB } }));
    jobThen(m, { kind: 'check', check: { status: 'invalid', fingerprints: [], reason: { code: 'bundle:verify.notZip', params: {} } } });
    await renderApp(api);
    choose(await screen.findByLabelText('Paquete de presentación (.zip)'), new File(['nope'], 'b.zip'));
    fireEvent.click(screen.getByRole('button', { name: 'Verificar el paquete' }));
    const result = await screen.findByTestId('check-result', {}, { timeout: 3000 });
    expect(result.textContent).toMatch(/^No válido: \S/);
    expect(result.textContent).not.toContain('bundle:verify');
    expect(m.checkBundleFile).toHaveBeenCalledTimes(1);
    expect(m.checkBundleFile.mock.calls[0]).toHaveLength(1);
  });

  it.each([
    ['ar', 'البلد الاتحاد الروسي، مراجعة التقديم 2، جُمِّعت في 17 مايو 2024.'],
    ['fr', 'Pays Fédération de Russie, révision de soumission 2, assemblé le 17 mai 2024.'],
  ])('names the bundle’s country by its UN name and its date in the interface language (%s), never the code or an ISO date', async (lng, details) => {
    window.location.hash = '#/check';
    const { api, m } = signingApi(lng);
    const bundle = { country: 'RUS', externalIdentifier: 'RUS-sacl-r2', submissionRevision: 2, baggingDate: '2024-05-17' };
    m.checkBundleFile.mockImplementation(async () => ({ ok: true, value: { jobId: JOB } }));
    jobThen(m, { kind: 'check', check: { status: 'valid-registered', fingerprints: [FP], bundle } });
    await renderApp(api);
    await waitFor(() => expect(document.getElementById('check-bundle')).not.toBeNull());
    choose(document.getElementById('check-bundle') as HTMLElement, new File(['PKzip'], 'b.zip', { type: 'application/zip' }));
    fireEvent.submit(document.getElementById('check-bundle')?.closest('form') as HTMLFormElement);
    const result = await screen.findByTestId('check-result', {}, { timeout: 3000 });
    expect(result.textContent).toContain(details);
    expect(result.textContent).not.toContain('RUS');
    expect(result.textContent).not.toContain('2024-05-17');
  });

  it('asks for a file before checking anything', async () => {
    window.location.hash = '#/check';
    const { api, m } = signingApi();
    await renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Check the bundle' }));
    await waitFor(() => expect(screen.getByText(/Choose a bundle file first\./)).toBeTruthy());
    expect(m.checkBundleFile).not.toHaveBeenCalled();
  });
});
