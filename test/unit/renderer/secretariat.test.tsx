// @vitest-environment happy-dom
// The secretariat screens against a fake core: countries in the interface language's alphabetical order (never by a result),
// the desktop's native folder dialog instead of a typed path, and a read-only workspace said plainly.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { RendererApi, SeriesView, WorkspaceStatus } from '../../../core/api/contract';
import { countryName } from '../../../core/i18n/countries';
import { formatSize } from '../../../renderer/src/ui/job-progress';
import { chooseFile } from './choose-file';
import { createFakeApi } from './fake-api';
import { renderApp, resetPage } from './render-app';

afterEach(() => {
  resetPage();
  window.location.hash = '';
});

const STATUS: WorkspaceStatus = { dir: '/srv/ws', writable: true, createdAt: '2026-12-01T10:00:00.000Z', notices: [], counts: { keys: 3, submissions: 3, held: 0, rejected: 0 } };

function series(country: string, consent: SeriesView['consent'], revisions: number): SeriesView {
  const files = Array.from({ length: revisions }, (_, i) => `submissions/${country}/0000000${i}-0000-4000-8000-00000000000${i}.zip`);
  return {
    key: `${country} safer-cities`,
    country,
    checklistId: 'safer-cities',
    currentFile: files[files.length - 1] as string,
    conflict: false,
    consent,
    revisions: files.map((file, i) => ({ file, submissionRevision: i + 1, baggingDate: '2026-03-0' + (i + 1), responseLanguage: 'fr', checklistVersion: '1.0.0', externalIdentifier: `urn:uuid:${i}`, signers: [] })),
  };
}

function api(overrides: Partial<RendererApi>, language = 'en') {
  return createFakeApi({ language, overrides: { getWorkspace: vi.fn(async () => ({ ok: true as const, value: STATUS })), listRecentWorkspaces: vi.fn(async () => ({ ok: true as const, value: [] })), ...overrides } });
}

describe('secretariat screens', () => {
  for (const lng of ['en', 'ru', 'zh', 'ar'] as const) {
    it(`${lng}: lists countries by their names in the interface language's order, whatever the core's order or the answers`, async () => {
      // In code order, and with more revisions the further down: neither may order the list.
      const list = [series('AUT', 'full', 1), series('CHN', null, 3), series('DEU', 'not_public', 2), series('EGY', 'summary_only', 1), series('RUS', 'full', 4)];
      window.location.hash = '#/secretariat/submissions';
      await renderApp(api({ listWorkspaceSubmissions: vi.fn(async () => ({ ok: true as const, value: { series: list, held: [], rejected: [] } })) }, lng));
      expect(document.documentElement.lang).toBe(lng);
      const table = await screen.findByTestId('submissions-table');
      const shown = [...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-country') ?? '');
      const collator = new Intl.Collator(lng);
      expect(shown).toEqual(list.map((s) => s.country).sort((a, b) => collator.compare(countryName(a, lng), countryName(b, lng))));
    });
  }

  it('offers the desktop’s folder dialog instead of a typed path, and opens what it answers', async () => {
    const chooseFolder = vi.fn(async () => '/home/analyst/secretariat');
    const openWorkspace = vi.fn(async () => ({ ok: true as const, value: STATUS }));
    window.location.hash = '#/secretariat';
    const fake = api({ getWorkspace: vi.fn(async () => ({ ok: true as const, value: null })), openWorkspace });
    await renderApp(Object.assign(fake, { chooseFolder }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open a workspace folder…' }));
    await waitFor(() => expect(openWorkspace).toHaveBeenCalledWith('/home/analyst/secretariat'));
    expect(screen.queryByLabelText('Folder of the workspace')).toBeNull();
    expect(await screen.findByTestId('workspace-dir')).toBeTruthy();
  });

  it('says why a workspace is read-only, and offers no change', async () => {
    window.location.hash = '#/secretariat/registry';
    const readOnly: WorkspaceStatus = { ...STATUS, writable: false, readOnlyCause: { code: 'secretariat:errors.locked', params: { dir: '/srv/ws', pid: 4242, host: 'office-pc', since: '09:00' } } };
    await renderApp(api({ getWorkspace: vi.fn(async () => ({ ok: true as const, value: readOnly })), listRegistry: vi.fn(async () => ({ ok: true as const, value: { entries: [], log: [] } })) }));
    const banner = await screen.findByTestId('workspace-readonly');
    expect(banner.textContent).toContain('office-pc');
    expect(screen.queryByRole('button', { name: 'Register the key' })).toBeNull();
  });

  it('reopens a recent workspace with one click, and forgets one on request', async () => {
    let recent = [{ dir: '/srv/ws-2025', openedAt: '2026-11-30T09:00:00.000Z' }];
    const forgetRecentWorkspace = vi.fn(async () => {
      recent = [];
      return { ok: true as const, value: null };
    });
    const openWorkspace = vi.fn(async () => ({ ok: false as const, error: { code: 'secretariat:errors.notFound', params: { dir: '/srv/ws-2025' } } }));
    window.location.hash = '#/secretariat';
    await renderApp(api({ getWorkspace: vi.fn(async () => ({ ok: true as const, value: null })), listRecentWorkspaces: vi.fn(async () => ({ ok: true as const, value: recent })), openWorkspace, forgetRecentWorkspace }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open /srv/ws-2025' }));
    await waitFor(() => expect(openWorkspace).toHaveBeenCalledWith('/srv/ws-2025'));
    // A folder that is gone says so in words.
    expect(await screen.findByText(/does not exist/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove from the list /srv/ws-2025' }));
    await waitFor(() => expect(forgetRecentWorkspace).toHaveBeenCalledWith('/srv/ws-2025'));
    await waitFor(() => expect(screen.queryByText('/srv/ws-2025')).toBeNull());
  });
  it('fr: a key\'s validity dates are typed the French way and reach the core as dates; an impossible one is refused first', async () => {
    const addRegistryKey = vi.fn(async () => ({ ok: true as const, value: { held: [] } }));
    window.location.hash = '#/secretariat/registry';
    await renderApp(Object.assign(api({ listRegistry: vi.fn(async () => ({ ok: true as const, value: { entries: [], log: [] } })) }, 'fr'), { addRegistryKey }));
    const from = (await screen.findByLabelText('Valide à partir du (facultatif)')) as HTMLInputElement;
    const to = screen.getByLabelText('Valide jusqu’au (facultatif)') as HTMLInputElement;
    // A text field with the French example, not the browser's date field (which follows the system's locale).
    expect(from.type).toBe('text');
    expect(screen.getByText('Par exemple 31/12/2024')).toBeTruthy();
    chooseFile(document.getElementById('add-key-pem') as HTMLElement, new File(['-----BEGIN PUBLIC KEY-----'], 'france.pub.pem'));
    fireEvent.change(screen.getByLabelText('Pays'), { target: { value: 'FRA' } });
    fireEvent.change(screen.getByLabelText(/Empreinte/), { target: { value: 'ab'.repeat(32) } });
    fireEvent.change(from, { target: { value: '1/3/2026' } });
    fireEvent.change(to, { target: { value: '31/02/2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la clé' }));
    expect(await screen.findByText('Saisissez une date qui existe.')).toBeTruthy();
    expect(addRegistryKey).not.toHaveBeenCalled();
    fireEvent.change(to, { target: { value: '28/02/2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la clé' }));
    await waitFor(() => expect(addRegistryKey).toHaveBeenCalledWith(expect.any(File), expect.objectContaining({ country: 'FRA', validFrom: '2026-03-01', validTo: '2027-02-28' })));
  });

  it('fr: a rejected file says when it was received, and each country names the version of its checklist', async () => {
    const rejected = [
      { sha256: 'a'.repeat(64), reason: { code: 'bundle:verify.notZip' }, receivedAt: '2026-06-02T10:00:00.000Z' },
      // Received before the workspace kept the date: the reason alone.
      { sha256: 'b'.repeat(64), reason: { code: 'bundle:verify.notZip' } },
    ];
    const aut = { ...series('AUT', 'full', 1) };
    aut.revisions = aut.revisions.map((r) => ({ ...r, checklistVersion: '0.2.0' }));
    window.location.hash = '#/secretariat/submissions';
    await renderApp(api({ listWorkspaceSubmissions: vi.fn(async () => ({ ok: true as const, value: { series: [aut], held: [], rejected } })) }, 'fr'));
    const table = await screen.findByTestId('submissions-table');
    expect(table.querySelector('tr[data-country="AUT"] th')?.textContent).toContain('safer-cities 0.2.0');
    const items = [...document.querySelectorAll('li')].map((li) => li.textContent ?? '').filter((x) => x.includes('archive zip'));
    const day = new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(new Date('2026-06-02T10:00:00.000Z'));
    expect(items).toEqual([`Reçu le ${day} : Ce n’est pas une archive zip, ou sa fin manque (téléchargement interrompu ?).`, 'Ce n’est pas une archive zip, ou sa fin manque (téléchargement interrompu ?).']);
  });

  it('counts a file under a kilobyte in bytes, in the interface language, and larger ones in kB or MB', () => {
    expect(formatSize(5, 'en')).toBe('5 bytes');
    expect(formatSize(1023, 'fr')).toBe(new Intl.NumberFormat('fr', { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(1023));
    expect(formatSize(1023, 'fr')).not.toMatch(/ko|kB/);
    expect(formatSize(2048, 'en')).toBe('2 kB');
    expect(formatSize(3 * 1024 * 1024, 'en')).toBe('3 MB');
  });
});
