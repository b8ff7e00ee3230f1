// @vitest-environment happy-dom
// The signing key screen's import, replace and backup forms against a fake API.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Api, SigningKeyInfo } from '../../../core/api/contract';
import en from '../../../locales/en/signing.json';
import { createFakeApi } from './fake-api';
import { renderApp, resetPage } from './render-app';
import { catchDownloads } from './catch-downloads';
import { chooseFile } from './choose-file';

const KEY: SigningKeyInfo = {
  fingerprint: '4a4627336afb3e917be9821679bf75c14ef61f31d5eca5621b2e226b30c26a0b',
  printable: '4a462733 6afb3e91 7be98216 79bf75c1\n4ef61f31 d5eca562 1b2e226b 30c26a0b',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----\n',
  createdAt: '2026-11-20T10:15:00.000Z',
  protectedByKeychain: true,
  keychainAvailable: true,
};
const NEW_KEY: SigningKeyInfo = {
  ...KEY,
  fingerprint: 'b'.repeat(64),
  printable: 'bbbbbbbb bbbbbbbb bbbbbbbb bbbbbbbb\nbbbbbbbb bbbbbbbb bbbbbbbb bbbbbbbb',
  replaced: { fingerprint: KEY.fingerprint, printable: KEY.printable, date: '2026-11-22T09:00:00.000Z', statement: '{"schemaVersion":1}\n' },
};

afterEach(() => {
  resetPage();
  window.location.hash = '';
  vi.restoreAllMocks();
});

function keyApi(initial: SigningKeyInfo | null) {
  const fail = async () => ({ ok: false as const, error: { code: 'errors.unexpected' } });
  const m = {
    getSigningKey: vi.fn<Api['getSigningKey']>(async () => ({ ok: true, value: initial })),
    importSigningKey: vi.fn<Api['importSigningKey']>(fail),
    replaceSigningKey: vi.fn<Api['replaceSigningKey']>(fail),
    backupSigningKey: vi.fn<Api['backupSigningKey']>(fail),
  };
  return { api: createFakeApi({ overrides: m }), m };
}

const choose = (control: HTMLElement, file: File) => chooseFile(control, file);

describe('importing a key', () => {
  it('sends the chosen file as text with the passphrase, then shows the imported key', async () => {
    window.location.hash = '#/signing-key';
    const { api, m } = keyApi(null);
    m.importSigningKey.mockImplementation(async () => ({ ok: true, value: KEY }));
    await renderApp(api);
    const pem = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIexample\n-----END PRIVATE KEY-----\n';
    choose(await screen.findByLabelText(en.import.file), new File([pem], 'key.pem'));
    fireEvent.change(screen.getByLabelText(en.import.passphrase), { target: { value: 'a long enough phrase' } });
    fireEvent.click(screen.getByRole('button', { name: en.import.submit }));
    expect(await screen.findByText(en.import.done)).toBeTruthy();
    expect(m.importSigningKey).toHaveBeenCalledWith(pem, 'a long enough phrase');
    expect(screen.getByTestId('keychain-status').textContent).toBe(en.key.keychainOn);
  });

  it('refuses a file too large to be a key without reading or sending it, and asks for a file first', async () => {
    window.location.hash = '#/signing-key';
    const { api, m } = keyApi(null);
    await renderApp(api);
    fireEvent.change(await screen.findByLabelText(en.import.passphrase), { target: { value: 'a long enough phrase' } });
    fireEvent.click(screen.getByRole('button', { name: en.import.submit }));
    expect(await screen.findByText(en.import.noFile)).toBeTruthy();
    choose(screen.getByLabelText(en.import.file), new File(['x'.repeat(64 * 1024 + 1)], 'big.pem'));
    fireEvent.click(screen.getByRole('button', { name: en.import.submit }));
    expect(await screen.findByText(en.errors.importTooLarge.replace('{{max}}', '64'))).toBeTruthy();
    expect(m.importSigningKey).not.toHaveBeenCalled();
  });
});

describe('replacing and backing up', () => {
  it('replaces only once the new passphrase is typed twice alike, then offers the statement', async () => {
    window.location.hash = '#/signing-key';
    const { api, m } = keyApi(KEY);
    m.replaceSigningKey.mockImplementation(async () => ({ ok: true, value: NEW_KEY }));
    const downloads = catchDownloads();
    await renderApp(api);
    fireEvent.change(await screen.findByLabelText(en.replace.oldPassphrase), { target: { value: 'the old passphrase' } });
    fireEvent.change(screen.getByLabelText(en.replace.newPassphrase), { target: { value: 'the new passphrase' } });
    fireEvent.change(screen.getByLabelText(en.replace.confirm), { target: { value: 'the new passphrase!' } });
    const submit = screen.getByRole('button', { name: en.replace.submit }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(en.replace.confirm), { target: { value: 'the new passphrase' } });
    fireEvent.click(submit);
    expect(await screen.findByText(en.replace.done)).toBeTruthy();
    expect(m.replaceSigningKey).toHaveBeenCalledWith('the old passphrase', 'the new passphrase');
    expect(screen.getByTestId('fingerprint').textContent).toBe(NEW_KEY.printable);
    expect(screen.getByTestId('old-fingerprint').textContent).toBe(KEY.printable);
    // The passphrases typed are gone from the page once the new key is there.
    for (const label of [en.replace.oldPassphrase, en.replace.newPassphrase, en.replace.confirm]) {
      expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe('');
    }
    fireEvent.click(screen.getByRole('button', { name: en.replace.download }));
    expect(downloads.names).toEqual([`scsa-key-replacement-4a462733-bbbbbbbb.json`]);
    expect(await downloads.blobs[0]?.text()).toBe(NEW_KEY.replaced?.statement);
  });

  it('downloads the backup under its name and says to keep it safe; a refusal is said in words', async () => {
    window.location.hash = '#/signing-key';
    const { api, m } = keyApi(KEY);
    const downloads = catchDownloads();
    m.backupSigningKey.mockImplementationOnce(async () => ({ ok: false, error: { code: 'signing:errors.keychainUnavailable' } }));
    m.backupSigningKey.mockImplementationOnce(async () => ({ ok: true, value: { fileName: 'scsa-key-4a462733.json', text: '{"k":1}\n' } }));
    await renderApp(api);
    const passphrase = await screen.findByLabelText(en.backup.passphrase);
    fireEvent.change(passphrase, { target: { value: 'the passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: en.backup.submit }));
    expect(await screen.findByText(en.errors.keychainUnavailable)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en.backup.submit }));
    expect(await screen.findByText(en.backup.done.replace('{{file}}', 'scsa-key-4a462733.json'))).toBeTruthy();
    expect(downloads.names).toEqual(['scsa-key-4a462733.json']);
    expect(await downloads.blobs[0]?.text()).toBe('{"k":1}\n');
    // The passphrase does not stay in the field once the backup is made.
    await waitFor(() => expect((passphrase as HTMLInputElement).value).toBe(''));
  });
});
