// @vitest-environment happy-dom
// The checklist-revision screens with a fake core: installing a version from a file (refused with
// the reason, then installed), the form's "new version available" and kept answers, and the move
// preview whose "Move" saves and returns to the form with the notice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Api, MovePreview } from '../../../core/api/contract';
import type { RetiredAnswer } from '../../../core/draft/retired';
import { chooseFile } from './choose-file';
import { createFakeWorkflow } from './fake-workflow';
import { openAt, openForm, resetWorkflowPage } from './workflow-helpers';

afterEach(resetWorkflowPage);

const SIGNER = 'ab'.repeat(32);
const KEPT: RetiredAnswer = {
  itemId: 'B.3',
  checklist: { id: 'safer-cities-sample', version: '0.1.0' },
  type: 'longtext',
  title: { en: 'Please describe any plans to adopt such a policy or strategy.' },
  answer: 'A plan for 2027',
  reason: 'removed',
  note: { en: 'Removed in version 0.2.0: plans are now described under B.1.' },
  retiredAt: '2026-11-21T09:00:00.000Z',
};

describe('Checklist versions screen', () => {
  it('says why a file is refused and installs nothing; then installs a signed one and lists it as installed', async () => {
    const wf = createFakeWorkflow();
    const title = { ar: '', zh: '', en: 'Sample checklist', fr: '', ru: '', es: '' };
    let installed = false;
    wf.api.listPacks.mockImplementation(async () => ({
      ok: true,
      value: [
        { id: 'safer-cities-sample', version: '0.1.0', title, languages: ['en'], itemCount: 13, isDefault: true, origin: 'bundled' as const },
        ...(installed ? [{ id: 'safer-cities-sample', version: '0.2.0', title, languages: ['en' as const], itemCount: 14, isDefault: false, origin: 'installed' as const, signer: SIGNER }] : []),
      ],
    }));
    const install = vi.fn(async () => ({ ok: false as const, error: { code: 'packs:errors.unknownSigner', params: { fingerprint: 'cd'.repeat(32) } } }));
    Object.assign(wf.api, { installPackFile: install });
    await openAt(wf, '#/packs');
    const button = await screen.findByRole('button', { name: 'Choose a checklist file…' });
    chooseFile(button, new File(['x'], 'revision.scsa-pack'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('signed by a key this application does not trust');
    expect(screen.getByText(/Nothing was installed/)).toBeTruthy();
    expect(document.querySelectorAll('tbody tr')).toHaveLength(1);

    install.mockImplementation(async () => {
      installed = true;
      return { ok: true, value: { id: 'safer-cities-sample', version: '0.2.0', title, itemCount: 14, signer: SIGNER, alreadyInstalled: false } } as never;
    });
    chooseFile(button, new File(['x'], 'revision.scsa-pack'));
    expect((await screen.findByText(/Installed: Sample checklist, version 0\.2\.0\./)).textContent).toBeTruthy();
    await waitFor(() => expect(document.querySelectorAll('tbody tr')).toHaveLength(2));
    const row = document.querySelectorAll('tbody tr')[1] as HTMLElement;
    expect(row.textContent).toContain('Installed');
    expect(row.textContent).toContain('abab abab abab abab');
  });
});

describe('the form and a newer checklist version', () => {
  it('offers the preview of the newer version, and shows kept answers read-only with a copy button', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Ministry' });
    wf.drafts.set(id, { ...wf.drafts.get(id)!, retiredAnswers: [KEPT] });
    wf.api.findNewerVersion.mockImplementation(async () => ({
      ok: true,
      value: { current: { id: 'safer-cities-sample', version: '0.1.0' }, newer: { id: 'safer-cities-sample', version: '0.2.0', title: { ar: '', zh: '', en: 'Sample', fr: '', ru: '', es: '' }, origin: 'installed' } },
    }));
    await openForm(wf, id);
    const offer = await screen.findByText(/A new version of the checklist is available: version 0\.2\.0/);
    const link = within(offer.closest('.revision-strip') as HTMLElement).getByRole('link', { name: 'See what changes' });
    expect(link.getAttribute('href')).toBe(`#/a/${id}/move/0.2.0`);
    expect(screen.getByText('1 answer to a question no longer in the checklist is kept.')).toBeTruthy();

    const kept = screen.getByRole('region', { name: 'Answers to questions no longer in the checklist' });
    expect(within(kept).getByText('A plan for 2027')).toBeTruthy();
    expect(kept.textContent).toContain('Question removed from the checklist');
    expect(kept.textContent).toContain('plans are now described under B.1');
    // Read-only: nothing to type into.
    expect(kept.querySelectorAll('input, textarea, select')).toHaveLength(0);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(within(kept).getByRole('button', { name: /Copy the answer/ }));
    await within(kept).findByRole('button', { name: /Copied/ });
    expect(writeText).toHaveBeenCalledWith('A plan for 2027');
  });

  it('shows a kept choice in the words of its old version, not its ids, and copies those words', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Ministry' });
    // Kept with its words (format 3); and one kept by an older app, read through the old pack (installed here).
    const withWords: RetiredAnswer = {
      ...KEPT,
      itemId: 'B.9',
      type: 'multi',
      title: { en: 'Which bodies were consulted?' },
      answer: ['opt_3', 'opt_9'],
      options: [{ id: 'opt_3', label: { en: 'Regional councils', fr: 'Conseils régionaux' } }],
    };
    const older: RetiredAnswer = { ...KEPT, itemId: 'A.3', type: 'multi', title: { en: 'Who took part?' }, answer: ['civil_society'] };
    delete (older as Partial<RetiredAnswer>).note;
    wf.drafts.set(id, { ...wf.drafts.get(id)!, retiredAnswers: [withWords, older] });
    await openForm(wf, id);
    const kept = screen.getByRole('region', { name: 'Answers to questions no longer in the checklist' });
    const [first, second] = within(kept).getAllByRole('listitem');
    expect(first?.textContent).toContain('Regional councils');
    expect(first?.textContent).not.toContain('opt_3');
    // A choice the kept words do not name still shows: by its id, never dropped.
    expect(first?.textContent).toContain('opt_9');
    await waitFor(() => expect(second?.textContent).toContain('Civil society organizations'));
    expect(second?.textContent).not.toContain('civil_society');
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: /Copy the answer/ }));
    await within(kept).findByRole('button', { name: /Copied/ });
    expect(writeText).toHaveBeenCalledWith('Regional councils, opt_9');
  });

  it('previews the move item by item, and "Move" saves it and returns to the form with the notice', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Ministry', 'B.1': 'not_implemented', 'B.3': 'A plan for 2027' });
    const preview: MovePreview = {
      from: { id: 'safer-cities-sample', version: '0.1.0' },
      to: { id: 'safer-cities-sample', version: '0.2.0' },
      entries: [
        { kind: 'textChanged', oldId: 'A.1', newId: 'A.1', textChanged: true, typeChanged: false, optionsChanged: false, answer: 'kept', title: { en: 'Official name' }, pleaseCheck: true },
        { kind: 'typeChanged', oldId: 'B.1', newId: 'B.1', textChanged: false, typeChanged: true, optionsChanged: false, answer: 'converted', title: { en: 'Policy' }, pleaseCheck: true },
        { kind: 'removed', oldId: 'B.3', newId: null, textChanged: false, typeChanged: false, optionsChanged: false, answer: 'retained', reason: 'removed', title: { en: 'Plans' }, note: { en: 'Now under B.1.' }, pleaseCheck: false },
        { kind: 'new', oldId: null, newId: 'C.5', textChanged: false, typeChanged: false, optionsChanged: false, answer: 'none', title: { en: 'Audits published?' }, pleaseCheck: false },
      ],
      counts: { kept: 0, moved: 0, textChanged: 1, typeChanged: 1, removed: 1, new: 1, unknown: 0 },
      answers: { kept: 1, converted: 1, retained: 1 },
      pleaseCheck: 2,
    };
    wf.api.previewMove.mockImplementation(async () => ({ ok: true, value: preview }));
    const move: Api['moveAssessment'] = async () => {
      const draft = wf.drafts.get(id)!;
      const moved = { ...draft, revision: draft.revision + 1, checklist: preview.to, answers: { 'A.1': 'Ministry' }, retiredAnswers: [KEPT] };
      wf.drafts.set(id, moved);
      return { ok: true, value: { draft: moved, notices: [{ code: 'packs:move.done', params: { from: '0.1.0', to: '0.2.0', count: 1, pleaseCheck: 1, revision: draft.revision } }], readOnly: false } };
    };
    wf.api.moveAssessment.mockImplementation(move);
    await openAt(wf, `#/a/${id}/move/0.2.0`);
    await screen.findByRole('heading', { name: 'Move to version 0.2.0 of the checklist' });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('.move-chip')?.textContent)).toEqual(['reworded', 'type or choices changed', 'removed', 'new']);
    expect(rows[0]?.textContent).toContain('please check');
    // A status is shown by its label in the draft's version, not by its id.
    expect(rows[1]?.querySelector('.move-row__answer')?.textContent).toBe('Not implemented');
    expect(rows[2]?.textContent).toContain('Now under B.1.');
    expect(rows[2]?.querySelector('.move-row__answer')?.textContent).toBe('A plan for 2027');
    expect(rows[2]?.textContent).toContain('answer kept under “answers to questions no longer in the checklist”');
    expect(screen.getByText(/1 answer will be kept under/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Move to version 0.2.0' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/a/${id}/form`));
    expect(await screen.findByText(/The assessment is now on version 0\.2\.0 of the checklist \(it was on 0\.1\.0\)/)).toBeTruthy();
    expect(wf.api.moveAssessment).toHaveBeenCalledWith(id, preview.to);
    expect(screen.getByRole('region', { name: 'Answers to questions no longer in the checklist' })).toBeTruthy();
  });

  it('a newer version with no way from this one: the reason, and no Move button', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    wf.api.previewMove.mockImplementation(async () => ({ ok: false, error: { code: 'packs:errors.noMigrationPath', params: { id: 'safer-cities-sample', from: '0.1.0', to: '0.3.0' } } }));
    await openAt(wf, `#/a/${id}/move/0.3.0`);
    expect((await screen.findByRole('alert')).textContent).toContain('does not say how to move answers from version 0.1.0');
    expect(screen.queryByRole('button', { name: /Move to version/ })).toBeNull();
  });
});
