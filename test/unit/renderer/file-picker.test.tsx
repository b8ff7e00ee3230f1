// @vitest-environment happy-dom
// Choosing a file and the screens around it (issue 13.6): one translated file picker (a labelled
// button and the chosen file's name, never the browser's "Choose File"), on the check screen, the key
// import, the home screen and the evidence widget; an error that no longer applies goes away; a
// telephone number with letters gets a hint, never a refusal (issue 13.5).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Api, UploadApi } from '../../../core/api/contract';
import { createFakeApi } from './fake-api';
import { createFakeWorkflow } from './fake-workflow';
import { renderApp } from './render-app';
import { chooseFile, fileInputOf } from './choose-file';
import { openAt, resetWorkflowPage } from './workflow-helpers';

afterEach(() => {
  resetWorkflowPage();
  vi.restoreAllMocks();
});

const fail = async () => ({ ok: false as const, error: { code: 'errors.unexpected' } });

function screensApi(language = 'en') {
  const m = {
    getSigningKey: vi.fn<Api['getSigningKey']>(async () => ({ ok: true, value: null })),
    createSigningKey: vi.fn<Api['createSigningKey']>(async () => ({ ok: false, error: { code: 'signing:errors.passphraseTooShort', params: { min: 10 } } })),
    importSigningKey: vi.fn<Api['importSigningKey']>(async () => ({ ok: false, error: { code: 'signing:errors.wrongPassphrase' } })),
    checkBundleFile: vi.fn<UploadApi['checkBundleFile']>(fail),
  };
  return { api: createFakeApi({ language, overrides: m }), m };
}

describe('the file picker', () => {
  it('is a button labelled with its field, saying which file is chosen, in the interface language; the file input stays out of sight', async () => {
    window.location.hash = '#/check';
    await renderApp(screensApi('fr').api);
    const button = await screen.findByRole('button', { name: 'Paquet de soumission (.zip) Choisir un fichier…' });
    expect(button.getAttribute('aria-describedby')).toContain('check-bundle-name');
    expect(document.getElementById('check-bundle-name')?.textContent).toBe('Aucun fichier choisi');
    const input = fileInputOf(button);
    expect(input.hidden).toBe(true);
    expect(input.tabIndex).toBe(-1);
    // The button opens the browser's dialog through the hidden input.
    const opened = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    fireEvent.click(button);
    expect(opened).toHaveBeenCalledTimes(1);
    chooseFile(button, new File(['PK'], 'maroc-r2.zip', { type: 'application/zip' }));
    expect(document.getElementById('check-bundle-name')?.textContent).toBe('maroc-r2.zip');
  });

  it('is the way to open a file on the home screen and to attach evidence: buttons, not labels of a file input', async () => {
    const wf = createFakeWorkflow();
    await openAt(wf, '#/');
    const open = await screen.findByRole('button', { name: 'Open file…' });
    expect(fileInputOf(open).accept).toBe('.json,.scsa.json');
    const id = wf.seed({ 'C.1': { status: 'fully' }, 'C.2': [{ city: 'Lyon' }] });
    await openAt(wf, `#/a/${id}/form?item=C.3`);
    const evidence = await screen.findByRole('group', { name: /Supporting documents/ });
    const attach = within(evidence).getByRole('button', { name: 'Attach files…' });
    expect(fileInputOf(attach).multiple).toBe(true);
  });
});

describe('an error that no longer applies goes away', () => {
  it('on the check screen, once a file is chosen', async () => {
    window.location.hash = '#/check';
    const { api, m } = screensApi();
    await renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Check the bundle' }));
    expect(await screen.findByText(/Choose a bundle file first\./)).toBeTruthy();
    chooseFile(screen.getByRole('button', { name: /Submission bundle/ }), new File(['PK'], 'b.zip'));
    await waitFor(() => expect(screen.queryByText(/Choose a bundle file first\./)).toBeNull());
    expect(m.checkBundleFile).not.toHaveBeenCalled();
  });

  it('on the key screen, once the passphrase is typed again', async () => {
    window.location.hash = '#/signing-key';
    await renderApp(screensApi().api);
    const passphrase = await screen.findByLabelText('Passphrase');
    fireEvent.change(passphrase, { target: { value: 'short' } });
    fireEvent.change(screen.getByLabelText('Type the passphrase again'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the key' }));
    expect(await screen.findByText(/must be at least 10 characters long\./)).toBeTruthy();
    fireEvent.change(passphrase, { target: { value: 'short but longer now' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('on the key import, once another file is chosen', async () => {
    window.location.hash = '#/signing-key';
    await renderApp(screensApi().api);
    const file = await screen.findByRole('button', { name: /Key file/ });
    chooseFile(file, new File(['{}'], 'scsa-key-backup.json'));
    fireEvent.change(screen.getByLabelText('Passphrase for the imported key'), { target: { value: 'not the right one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import the key' }));
    const form = screen.getByRole('form', { name: 'Import an existing key' });
    await waitFor(() => expect(within(form).getByRole('alert')).toBeTruthy());
    chooseFile(file, new File(['{}'], 'other-backup.json'));
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
  });
});

describe('a telephone number with letters', () => {
  it('brings a hint to check it, and is kept as typed', async () => {
    const wf = createFakeWorkflow();
    await openAt(wf, '#/new');
    await waitFor(() => expect((screen.getByLabelText('Checklist') as HTMLSelectElement).value).toBe('safer-cities-sample@0.1.0'));
    fireEvent.change(screen.getByLabelText(/^Country/), { target: { value: 'MAR' } });
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Amina Benali' } });
    const phone = screen.getByLabelText('Telephone');
    fireEvent.change(phone, { target: { value: '+212 5 37 ext. 12' } });
    expect(await screen.findByText('This number contains letters. Check it: it is kept as you typed it.')).toBeTruthy();
    expect(phone.getAttribute('aria-describedby')).toBe('wizard-fp-0-phone-letters');
    fireEvent.click(screen.getByRole('button', { name: 'Create the assessment' }));
    await waitFor(() => expect(wf.api.createAssessment).toHaveBeenCalledTimes(1));
    expect(wf.api.createAssessment.mock.calls[0]?.[0].focalPoints[0]?.phone).toBe('+212 5 37 ext. 12');
  });
});
