// @vitest-environment happy-dom
// The training example on the home screen: opened in English or Arabic, listed under a localized name.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SAMPLE_ASSESSMENT } from './fake-api';
import { createFakeWorkflow } from './fake-workflow';
import { openAt, resetWorkflowPage } from './workflow-helpers';

afterEach(() => {
  resetWorkflowPage();
  vi.restoreAllMocks();
});

describe('training example', () => {
  it.each([
    ['en', 'Open the example in English'],
    ['ar', 'Open the example in Arabic'],
  ] as const)('opens the %s example from the home screen and shows its form', async (language, label) => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Example answer' }, language);
    wf.api.openExample.mockImplementation(async () => ({ ok: true, value: { draft: structuredClone(wf.drafts.get(id)!), notices: [], readOnly: false } }));
    await openAt(wf, '#/');
    expect(screen.getByRole('heading', { name: 'Training example' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: label }));
    await waitFor(() => expect(window.location.hash).toBe(`#/a/${id}/form`));
    expect(wf.api.openExample).toHaveBeenCalledWith(language);
    await waitFor(() => expect(document.querySelector('.section-nav')).not.toBeNull());
  });

  it('offers both buttons in the interface language and says why the example could not be opened', async () => {
    const wf = createFakeWorkflow();
    wf.api.openExample.mockImplementation(async () => ({ ok: false, error: { code: 'errors.unexpected' } }));
    await openAt(wf, '#/', 'ar');
    expect(screen.getByRole('heading', { name: 'مثال تدريبي' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'فتح المثال باللغة الإنكليزية' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'فتح المثال باللغة العربية' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(wf.api.openExample).toHaveBeenCalledWith('ar');
    expect(window.location.hash).toBe('#/');
  });

  it.each([
    ['en', 'Example'],
    ['ar', 'مثال'],
    ['zh', '示例国'],
  ])('lists the example’s country XXX by a word in %s, not its code', async (lng, name) => {
    const wf = createFakeWorkflow({ assessments: [{ ...SAMPLE_ASSESSMENT, id: 'example-en', countryCode: 'XXX' }] });
    await openAt(wf, '#/', lng);
    const link = await screen.findByRole('link', { name });
    expect(link.getAttribute('href')).toBe('#/a/example-en/form');
    expect(screen.queryByText('XXX')).toBeNull();
  });
});
