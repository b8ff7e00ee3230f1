// @vitest-environment happy-dom
// The form as a focal point first meets it (issue 13.5): an item being answered under a filter stays
// until the user moves on; text answers show their limit and keep a long paste whole; "incomplete"
// tells unanswered from to-correct; the save status sits in the bar that stays in view; a restore says
// what it did; the keys work by position on any keyboard layout; Space follows a link drawn as a button.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeWorkflow } from './fake-workflow';
import { field, openAt, openForm, resetWorkflowPage, savedChanges, waitForSaved } from './workflow-helpers';

afterEach(() => {
  resetWorkflowPage();
  vi.restoreAllMocks();
});

const card = (id: string) => document.querySelector<HTMLElement>(`[data-item-card="${id}"]`);
const show = (filter: string) => fireEvent.change(screen.getByLabelText('Show'), { target: { value: filter } });
/** Long enough for the form to take up the new answers (it waits for a pause in typing). */
const pause = () => act(() => new Promise((r) => setTimeout(r, 300)));

describe('a filter while answering', () => {
  it('keeps the item being answered, and the focus in it, until the user moves to another item', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed());
    show('unanswered');
    await screen.findByText(/items match/);
    const input = field(/Name of the national institution/);
    input.focus();
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Ministry of the Interior' } });
    await pause();
    // Answered, so no longer "unanswered": still there, with the focus, saying why it stays.
    expect(card('A.1')).not.toBeNull();
    expect(document.activeElement).toBe(input);
    expect(within(card('A.1')!).getByText(/no longer matches the filter/)).toBeTruthy();
    // Moving on lets it go.
    const next = within(card('A.3')!).getAllByRole('checkbox')[0]!;
    next.focus();
    fireEvent.focus(next);
    await waitFor(() => expect(card('A.1')).toBeNull());
    expect(card('A.3')).not.toBeNull();
    await waitForSaved(wf, { 'A.1': 'Ministry of the Interior' });
  });

  it('under "incomplete", says of each item whether it is unanswered or to correct; "answers to correct" lists only the latter', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed({ 'A.2': '2010-06-30', 'B.4': 140 }));
    show('incomplete');
    await screen.findByText(/items match/);
    expect(within(card('A.1')!).getByText('Not answered yet')).toBeTruthy();
    expect(within(card('A.1')!).getByText('An answer is required.')).toBeTruthy();
    expect(within(card('A.2')!).getByText('To correct')).toBeTruthy();
    expect(within(card('A.2')!).getByText('The date must be 1 January 2015 or later.')).toBeTruthy();
    show('invalid');
    await waitFor(() => expect(screen.getByText('2 items match.')).toBeTruthy());
    expect(card('A.1')).toBeNull();
    expect(within(card('B.4')!).getByText('Enter a percentage between 0 and 100.')).toBeTruthy();
  });
});

describe('text answers', () => {
  it('show their limit and a counter, and have no hard maximum that would cut a paste', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed({ 'A.1': 'Ministry' }));
    const input = field(/Name of the national institution/);
    expect(input.hasAttribute('maxlength')).toBe(false);
    expect(screen.getByText('8 of 300 characters')).toBeTruthy();
    expect(input.getAttribute('aria-describedby')).toContain(`${input.id}-count`);
  });

  it('keep a 300 KB paste whole, saved, with the counter in red and the reason named', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed());
    const input = field(/Name of the national institution/);
    const text = 'Ministère de l’Intérieur — '.repeat(12_000);
    expect(text.length).toBeGreaterThan(300_000);
    fireEvent.paste(input, { clipboardData: { getData: () => text } });
    fireEvent.change(input, { target: { value: text } });
    await waitForSaved(wf, { 'A.1': text });
    const over = text.length - 300;
    const counter = screen.getByText(`${text.length.toLocaleString('en')} of 300 characters`);
    expect(counter.className).toContain('--over');
    expect(await within(card('A.1')!).findByText(`This answer is ${over.toLocaleString('en')} characters over its limit (300). Shorten it before you export; until then it is kept as written.`)).toBeTruthy();
  });

  it('cut a paste only beyond what one answer can hold, and say how much was left out', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed());
    const input = field(/Please describe|Name of the national institution/);
    const text = 'x'.repeat(600_000);
    fireEvent.paste(input, { clipboardData: { getData: () => text } });
    expect(input.value).toHaveLength(500_000);
    expect(await screen.findByText(/its last 100,000 characters were not added/)).toBeTruthy();
    await waitFor(() => expect((savedChanges(wf)['A.1'] as string | undefined)?.length).toBe(500_000), { timeout: 4000 });
  });
});

describe('the save status and a restore', () => {
  it('shows the save time, in the interface language, in the bar that stays in view', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed(), 'fr');
    fireEvent.change(field(/Nom de l’institution nationale|institution/i), { target: { value: 'Ministère' } });
    const bar = document.querySelector('.form-toolbar') as HTMLElement;
    await waitFor(() => expect(within(bar).getByText(/^Toutes les modifications ont été enregistrées à \d{1,2}:\d{2}$/)).toBeTruthy(), { timeout: 4000 });
    // Said once: the header of the form does not repeat it.
    expect(document.querySelectorAll('.save-status')).toHaveLength(1);
  });

  it('says what a restore did, and puts the focus on that message', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'First name' });
    await openForm(wf, id);
    fireEvent.change(field(/Name of the national institution/), { target: { value: 'Second name' } });
    await waitForSaved(wf, { 'A.1': 'Second name' });
    fireEvent.click(screen.getByRole('link', { name: 'Saved versions' }));
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    const table = await screen.findByRole('table');
    fireEvent.click(within(within(table).getAllByRole('row')[2]!).getByRole('button', { name: /Restore this version/ }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore' }));
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    const notices = await screen.findByRole('region', { name: 'Messages about this draft' });
    expect(notices.textContent).toMatch(/Revision 0, saved on .+, has been restored: its answers are now the current draft \(revision \d+\)\. The answers you had before are kept under Saved versions\./);
    await waitFor(() => expect(document.activeElement).toBe(notices));
  });
});

describe('keys', () => {
  it('move between items by the key’s place, whatever the layout (Russian, Arabic); a J typed elsewhere does not', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed());
    card('A.1')!.focus();
    fireEvent.keyDown(card('A.1')!, { key: 'о', code: 'KeyJ' });
    expect(document.activeElement?.getAttribute('data-item-card')).toBe('A.2');
    fireEvent.keyDown(document.activeElement!, { key: 'ت', code: 'KeyJ' });
    expect(document.activeElement?.getAttribute('data-item-card')).toBe('A.3');
    fireEvent.keyDown(document.activeElement!, { key: 'л', code: 'KeyK' });
    expect(document.activeElement?.getAttribute('data-item-card')).toBe('A.2');
    // Dvorak: the key that types "j" sits where C is; it is not the "next item" key.
    fireEvent.keyDown(document.activeElement!, { key: 'j', code: 'KeyC' });
    expect(document.activeElement?.getAttribute('data-item-card')).toBe('A.2');
  });

  it('Space follows a link drawn as a button, as Enter does', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed());
    const close = screen.getByRole('link', { name: 'Close the assessment' });
    const click = vi.spyOn(close, 'click').mockImplementation(() => undefined);
    fireEvent.keyDown(close, { key: ' ', code: 'Space' });
    expect(click).toHaveBeenCalledTimes(1);
  });
});

describe('tables', () => {
  it('say when they are full, and keep every row of a draft that has more than they take', async () => {
    const wf = createFakeWorkflow();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ city: `City ${i + 1}` }));
    const id = wf.seed({ 'C.1': { status: 'fully' }, 'C.2': rows(201) });
    await openAt(wf, `#/a/${id}/form?item=C.2`);
    const table = await waitFor(() => {
      const found = card('C.2');
      if (!found) throw new Error('not yet');
      return found;
    });
    expect(within(table).getByText('List at most 200 cities.')).toBeTruthy();
    expect(within(table).getByText('This table holds at most 200 rows, and all are used. To list more, attach a file.')).toBeTruthy();
    expect((within(table).getByRole('button', { name: 'Add a row' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(table).getByDisplayValue('City 201')).toBeTruthy();
  });
});

describe('completeness', () => {
  it('counts unanswered items and answers to correct apart', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Ministry', 'A.2': '2010-06-30' });
    await openAt(wf, `#/a/${id}/completeness`);
    expect(await screen.findByText('1 answer needs correcting.')).toBeTruthy();
    expect(screen.getByText(/required items are not answered yet\./)).toBeTruthy();
    const a2 = screen.getByRole('link', { name: /A\.2 Date on which/ }).closest('li')!;
    expect(within(a2).getByText('To correct')).toBeTruthy();
    const a3 = screen.getByRole('link', { name: /A\.3 Stakeholders/ }).closest('li')!;
    expect(within(a3).getByText('Not answered yet')).toBeTruthy();
  });
});
