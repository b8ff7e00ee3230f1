// @vitest-environment happy-dom
// Start-up loading: the entry asks for the settings and the route's assessment before React renders,
// the session takes that opening over, and packs are fetched once per version.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { loadSamplePack } from '../../../core/checklist/sample';
import { startEarlyLoads } from '../../../renderer/src/app/early-loads';
import { prepareApp } from '../../../renderer/src/app/prepare';
import { loadPack, openWithPack } from '../../../renderer/src/features/assessment/open-assessment';
import { createFakeWorkflow } from './fake-workflow';
import { openAt, openForm, resetWorkflowPage } from './workflow-helpers';
import { renderApp } from './render-app';

afterEach(resetWorkflowPage);

describe('start-up loading', () => {
  it('asks for the settings and, at a form address, for the assessment and its pack (in the saved language) at once', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await wf.api.setLanguage('ru');
    const early = startEarlyLoads(wf.api, `#/a/${id}/form`);
    expect(wf.api.getSettings).toHaveBeenCalledTimes(1);
    expect(wf.api.openAssessment).toHaveBeenCalledWith(id);
    await waitFor(() => expect(wf.api.getPack).toHaveBeenCalledTimes(1));
    expect(wf.api.getPack.mock.calls[0]?.[1]).toEqual({ languages: ['ru'] });
    // The language comes from the settings already asked for: no second request.
    await prepareApp(wf.api, early.settings);
    expect(wf.api.getSettings).toHaveBeenCalledTimes(1);
  });

  it('opens nothing early at an address that is not an assessment', () => {
    const wf = createFakeWorkflow();
    startEarlyLoads(wf.api, '#/new');
    startEarlyLoads(wf.api, '#/a/BAD_ID/form');
    expect(wf.api.openAssessment).not.toHaveBeenCalled();
  });

  it('hands the early opening to the form, which then opens the assessment no second time', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    window.location.hash = `#/a/${id}/form`;
    startEarlyLoads(wf.api, window.location.hash);
    await renderApp(wf.api);
    await waitFor(() => expect(document.querySelector('.section-nav')).not.toBeNull());
    expect(screen.getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(0);
    expect(wf.api.openAssessment).toHaveBeenCalledTimes(1);
    expect(wf.api.getPack).toHaveBeenCalledTimes(1);
  });

  it('shows the form in its first render when the early opening is already there (no loading line)', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    window.location.hash = `#/a/${id}/form`;
    startEarlyLoads(wf.api, window.location.hash);
    await waitFor(() => expect(wf.api.getPack).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await renderApp(wf.api);
    expect(document.querySelector('.section-nav')).not.toBeNull();
    expect(screen.queryByText('Opening the assessment…')).toBeNull();
    expect(wf.api.openAssessment).toHaveBeenCalledTimes(1);
  });

  it('uses an early opening only once: opening again asks the core again', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    startEarlyLoads(wf.api, `#/a/${id}/history`);
    const first = await openWithPack(wf.api, id, 'en');
    const second = await openWithPack(wf.api, id, 'en');
    expect(first.ok && second.ok).toBe(true);
    expect(wf.api.openAssessment).toHaveBeenCalledTimes(2);
    // The pack of the same version was fetched once for both.
    expect(wf.api.getPack).toHaveBeenCalledTimes(1);
  });

  it('reports a failed opening with its translated code, and asks for a failed pack again on retry', async () => {
    const wf = createFakeWorkflow();
    expect(await openWithPack(wf.api, 'missing-draft', 'en')).toEqual({ ok: false, error: { code: 'drafts:errors.notFound' } });
    const ref = { id: 'not-a-pack', version: '1.0.0' };
    expect((await loadPack(wf.api, ref, 'en')).ok).toBe(false);
    expect((await loadPack(wf.api, ref, 'en')).ok).toBe(false);
    expect(wf.api.getPack).toHaveBeenCalledTimes(2);
  });

  it('turns a thrown opening into an error the screen can show', async () => {
    const wf = createFakeWorkflow();
    wf.api.openAssessment.mockRejectedValueOnce(new Error('ipc gone'));
    expect(await openWithPack(wf.api, 'draft-x', 'en')).toEqual({ ok: false, error: { code: 'errors.unexpected' } });
  });

  it('still shows the form when the page opens at it without an early start', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await openAt(wf, `#/a/${id}/form`);
    await waitFor(() => expect(document.querySelector('.section-nav')).not.toBeNull());
    expect(wf.api.openAssessment).toHaveBeenCalled();
  });
});

describe('the form after a language switch', () => {
  it('fetches the pack in the new language before the switch, and shows its texts', async () => {
    const { pack } = loadSamplePack();
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await openForm(wf, id);
    expect(wf.api.getPack.mock.calls.map((c) => c[1])).toEqual([{ languages: ['en'] }]);
    const firstSection = pack.sections[0];
    if (!firstSection) throw new Error('the sample pack has no section');
    expect(screen.getAllByText(firstSection.title.en).length).toBeGreaterThan(0);

    fireEvent.change(document.getElementById('language-picker') as HTMLSelectElement, { target: { value: 'fr' } });
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    expect(wf.api.getPack.mock.calls.map((c) => c[1])).toEqual([{ languages: ['en'] }, { languages: ['fr'] }]);
    expect(screen.getAllByText(firstSection.title.fr).length).toBeGreaterThan(0);
    expect(screen.queryAllByText(firstSection.title.en)).toEqual([]);
  });
});
