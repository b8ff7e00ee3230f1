// @vitest-environment happy-dom
// The checklist form: skip logic, filter and search, autosave of the changed item only, response
// direction, notices, translation gaps, completeness links and restoring a saved version.
import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { loadSamplePack } from '../../../core/checklist/sample';
import { createFakeWorkflow } from './fake-workflow';
import { field, openAt, openForm, resetWorkflowPage, waitForSaved } from './workflow-helpers';

afterEach(resetWorkflowPage);

const sections = () => screen.getByRole('navigation', { name: 'Sections of the checklist' });
const goToSection = async (name: RegExp) => {
  fireEvent.click(within(sections()).getByRole('button', { name }));
  await screen.findByRole('heading', { level: 2, name });
};

describe('the checklist form', () => {
  it('hides items that do not apply, says how many and why, and shows them when they apply', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed());
    await goToSection(/B\. National framework/);
    // Nothing chosen in B.1 yet: B.2 (for adopted policies) and B.3 (for no policy) are both skipped.
    expect(screen.queryByRole('group', { name: /Which body leads/ })).toBeNull();
    expect(screen.getByText(/2 items are not shown \(B\.2 and B\.3\).*B\.1/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: /adopted a national policy/ })).getByLabelText('Not implemented'));
    expect(await screen.findByText(/Please describe any plans/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Which body leads/ })).toBeNull();
    expect(screen.getByText(/1 item is not shown \(B\.2\)/)).toBeTruthy();
  });

  it('sends only the item that changed, and shows the save state', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Ministry', 'A.4': true });
    await openForm(wf, id);
    expect(field(/Name of the national institution/).value).toBe('Ministry');
    fireEvent.change(field(/Name of the national institution/), { target: { value: 'Ministry of Interior' } });
    await waitForSaved(wf, { 'A.1': 'Ministry of Interior' });
    expect(wf.api.saveAnswers).toHaveBeenCalledTimes(1);
    expect(wf.api.saveAnswers.mock.calls[0]).toEqual([id, { 'A.1': 'Ministry of Interior' }]);
    await waitFor(() => expect(screen.getByText(/All changes saved at/)).toBeTruthy());
  });

  it('says when a save failed and that it is retrying', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    wf.api.saveAnswers.mockResolvedValue({ ok: false, error: { code: 'errors.hostUnreachable' } });
    await openForm(wf, id);
    fireEvent.change(field(/Name of the national institution/), { target: { value: 'x' } });
    expect(await screen.findByText('Not saved — retrying', undefined, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText(/The application service cannot be reached/)).toBeTruthy();
    // Once the core answers again, "Save now" saves what was kept.
    wf.api.saveAnswers.mockResolvedValue({ ok: true, value: { revision: 1, updatedAt: '2026-11-20T10:01:00.000Z' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save now' }));
    await waitFor(() => expect(screen.getByText(/All changes saved at/)).toBeTruthy());
    expect(wf.api.saveAnswers.mock.calls.at(-1)).toEqual([id, { 'A.1': 'x' }]);
  });

  it('filters by status and searches questions and answers across sections', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed({ 'A.1': 'Direction de la sécurité urbaine', 'B.1': 'partially', 'B.5': { status: 'partially', assistanceNeeded: true } }));
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'assistance' } });
    expect(await screen.findByText('1 item matches.')).toBeTruthy();
    expect(screen.getByRole('group', { name: /Legal basis for the prevention/ })).toBeTruthy();
    expect(screen.queryByText(/Name of the national institution/)).toBeNull();

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'answered' } });
    await waitFor(() => expect(screen.getByText('3 items match.')).toBeTruthy());

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    // Accents and case do not matter; the answer's own words are searched too.
    fireEvent.change(screen.getByLabelText('Search questions and answers'), { target: { value: 'securite URBAINE' } });
    await waitFor(() => expect(screen.getByText('1 item matches.')).toBeTruthy());
    expect(field(/Name of the national institution/).value).toBe('Direction de la sécurité urbaine');
    fireEvent.change(screen.getByLabelText('Search questions and answers'), { target: { value: 'consent publication' } });
    await waitFor(() => expect(screen.getByRole('group', { name: /consent to the publication/ })).toBeTruthy());
    expect(screen.getByText('1 item matches.')).toBeTruthy();
  });

  it('writes answers in the response language: right to left for Arabic under an English interface', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed({}, 'ar'));
    const input = field(/Name of the national institution/);
    expect(input.getAttribute('dir')).toBe('rtl');
    expect(input.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('shows the English text, marked, where the pack lacks a translation', async () => {
    const wf = createFakeWorkflow();
    const { pack } = loadSamplePack();
    const gap = structuredClone(pack);
    const first = gap.sections[0]!.items[0]!;
    first.text = { ...first.text, fr: '' };
    wf.api.getPack.mockResolvedValue({ ok: true, value: { pack: gap, translationGaps: ['sections[0].items[0].text.fr'] } });
    await openForm(wf, wf.seed(), 'fr');
    const english = await screen.findByText('Name of the national institution coordinating this self-assessment');
    expect(english.getAttribute('lang')).toBe('en');
    expect(screen.getAllByText('Traduction manquante')).toHaveLength(1);
  });

  it('shows what happened when the draft was opened, translated and dismissible', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    const draft = wf.drafts.get(id)!;
    wf.api.openAssessment.mockResolvedValue({ ok: true, value: { draft, readOnly: false, notices: [{ code: 'drafts:notices.attachmentMissing', params: { name: 'plan.pdf' } }] } });
    await openForm(wf, id);
    const notices = screen.getByRole('region', { name: 'Messages about this draft' });
    expect(within(notices).getByText(/The attached file plan\.pdf is missing/)).toBeTruthy();
    fireEvent.click(within(notices).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Messages about this draft' })).toBeNull();
  });

  it('says an answer is required once the user leaves an empty required item, never in the middle of a click', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed());
    const card = document.getElementById('item-A_1')!;
    const next = field(/national consultations were completed/);
    expect(within(card).queryByText('An answer is required.')).toBeNull();
    // A click elsewhere: nothing moves until the pointer is up again.
    fireEvent.pointerDown(next);
    fireEvent.focusOut(field(/Name of the national institution/), { relatedTarget: next });
    await new Promise((r) => setTimeout(r, 20));
    expect(within(card).queryByText('An answer is required.')).toBeNull();
    fireEvent.pointerUp(next);
    expect(await within(card).findByText('An answer is required.')).toBeTruthy();
    // An item that is not required says nothing when left empty.
    fireEvent.focusOut(next, { relatedTarget: card });
    await new Promise((r) => setTimeout(r, 20));
    expect(within(document.getElementById('item-A_2')!).queryByText('An answer is required.')).toBeNull();
  });

  it('lists the items of the current section with their state, each one a way to the item', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed({ 'A.1': 'Ministry', 'A.2': '2010-01-01' }));
    const items = within(sections()).getByRole('list', { name: 'Items of this section' });
    expect(within(items).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'A.1 (Answered)',
      'A.2 (To correct)',
      'A.3 (Unanswered)',
      'A.4 (Unanswered)',
    ]);
    fireEvent.click(within(items).getByRole('button', { name: /A\.4/ }));
    expect(document.activeElement?.getAttribute('data-item-card')).toBe('A.4');
  });

  it('moves between items with Alt+ArrowDown and Alt+ArrowUp', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed());
    const first = field(/Name of the national institution/);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown', code: 'ArrowDown', altKey: true });
    expect(document.activeElement?.getAttribute('data-item-card')).toBe('A.2');
    fireEvent.keyDown(document.activeElement!, { key: 'j', code: 'KeyJ' });
    expect(document.activeElement?.getAttribute('data-item-card')).toBe('A.3');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp', code: 'ArrowUp', altKey: true });
    expect(document.activeElement?.getAttribute('data-item-card')).toBe('A.2');
  });
});

describe('leaving the assessment', () => {
  it('saves what is pending, then closes the assessment; opening it again waits for that close', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await openForm(wf, id);
    fireEvent.change(field(/Name of the national institution/), { target: { value: 'Typed just before leaving' } });
    act(() => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(wf.api.closeAssessment).toHaveBeenCalledWith(id));
    expect(wf.api.saveAnswers).toHaveBeenCalledWith(id, { 'A.1': 'Typed just before leaving' });
    expect(wf.api.saveAnswers.mock.invocationCallOrder[0]).toBeLessThan(wf.api.closeAssessment.mock.invocationCallOrder[0]!);

    let finishClose: () => void = () => undefined;
    wf.api.closeAssessment.mockImplementationOnce(() => new Promise((r) => (finishClose = () => r({ ok: true, value: null }))));
    act(() => {
      window.location.hash = `#/a/${id}/form`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await screen.findByDisplayValue('Typed just before leaving');
    act(() => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(wf.api.closeAssessment).toHaveBeenCalledTimes(2));
    const opensBefore = wf.api.openAssessment.mock.calls.length;
    act(() => {
      window.location.hash = `#/a/${id}/form`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(wf.api.openAssessment.mock.calls.length).toBe(opensBefore);
    finishClose();
    await waitFor(() => expect(wf.api.openAssessment.mock.calls.length).toBe(opensBefore + 1));
  });
});

describe('completeness and history', () => {
  it('lists each problem under its section, and each entry opens the form at the item with focus on it', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Ministry', 'A.2': '2010-06-30' });
    await openAt(wf, `#/a/${id}/completeness`);
    expect(await screen.findByText(/problems to resolve/)).toBeTruthy();
    const a2 = screen.getByRole('link', { name: /A\.2 Date on which/ });
    expect(a2.closest('li')?.textContent).toContain('The date must be 1 January 2015 or later.');
    // Grouped by section: B.1 is listed under the heading of section B.
    const sectionB = screen.getByRole('region', { name: 'B. National framework' });
    expect(within(sectionB).getByRole('link', { name: /B\.1 / })).toBeTruthy();
    expect(screen.getByRole('link', { name: /A\.3 Stakeholders consulted/ }).closest('li')?.textContent).toContain('An answer is required.');
    expect(screen.queryByRole('link', { name: /A\.1 / })).toBeNull();
    expect(a2.getAttribute('href')).toBe(`#/a/${id}/form?item=A.2`);
    act(() => {
      window.location.hash = a2.getAttribute('href')!;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(document.activeElement).toBe(field(/Date on which the national consultations/)));
    expect(screen.getByText('The date must be 1 January 2015 or later.')).toBeTruthy();
  });

  it('restores an earlier version after confirmation and shows its answers in the form', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'First name' });
    await openForm(wf, id);
    fireEvent.change(field(/Name of the national institution/), { target: { value: 'Second name' } });
    await waitForSaved(wf, { 'A.1': 'Second name' });
    fireEvent.click(screen.getByRole('link', { name: 'Saved versions' }));
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const oldest = within(table).getAllByRole('row')[2]!;
    fireEvent.click(within(oldest).getByRole('button', { name: /Restore this version/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore revision 0?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(wf.api.restoreVersion).toHaveBeenCalledWith(id, 0));
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    await waitFor(() => expect(field(/Name of the national institution/).value).toBe('First name'));
  });
});
