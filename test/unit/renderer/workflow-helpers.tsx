// Shared steps of the workflow component tests: open the app at a route, collect what was saved.
import { expect } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { AnswerChanges } from '../../../core/api/contract';
import type { FakeWorkflow } from './fake-workflow';
import { renderApp, resetPage } from './render-app';

/** Start the app at `hash` (e.g. `#/a/draft-1/form`) with the fake core in `lng`. */
export async function openAt(wf: FakeWorkflow, hash: string, lng = 'en') {
  window.location.hash = hash;
  await wf.api.setLanguage(lng as 'en');
  return renderApp(wf.api);
}

/** Open an assessment's form and wait for its first section. */
export async function openForm(wf: FakeWorkflow, id: string, lng = 'en') {
  const view = await openAt(wf, `#/a/${id}/form`, lng);
  await waitFor(() => expect(document.querySelector('.section-nav')).not.toBeNull());
  return view;
}

/** Every answer sent with saveAnswers so far, later saves overriding earlier ones. */
export function savedChanges(wf: FakeWorkflow): AnswerChanges {
  return Object.assign({}, ...wf.api.saveAnswers.mock.calls.map((call) => call[1])) as AnswerChanges;
}

/** Wait until the autosave has sent `itemId` with a value that passes `check`. */
export async function waitForSaved(wf: FakeWorkflow, expected: AnswerChanges) {
  await waitFor(() => expect(savedChanges(wf)).toMatchObject(expected), { timeout: 4000 });
}

export function resetWorkflowPage() {
  resetPage();
  window.location.hash = '';
}

/** The input, textarea or select that a question labels (the item card carries the same name). */
export function field(name: RegExp | string, container: HTMLElement = document.body): HTMLInputElement {
  const found = within(container).getAllByLabelText(name).find((el) => /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  if (!found) throw new Error(`no input labelled ${String(name)}`);
  return found as HTMLInputElement;
}
