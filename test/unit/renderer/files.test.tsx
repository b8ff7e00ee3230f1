// @vitest-environment happy-dom
// Portable drafts: "Open file…" on the home screen imports one; "Save a copy as file" downloads one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createFakeWorkflow } from './fake-workflow';
import { SAMPLE_ASSESSMENT } from './fake-api';
import { openAt, openForm, resetWorkflowPage } from './workflow-helpers';
import { chooseFile } from './choose-file';

afterEach(() => {
  resetWorkflowPage();
  vi.restoreAllMocks();
});

describe('portable draft files', () => {
  it('opens a chosen .scsa.json file as an assessment and shows its form', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Imported answer' });
    const text = JSON.stringify({ ...wf.drafts.get(id), id: 'from-the-usb-stick' });
    await openAt(wf, '#/');
    chooseFile(await screen.findByRole('button', { name: 'Open file…' }), new File([text], 'france.scsa.json', { type: 'application/json' }));
    await waitFor(() => expect(wf.api.importCopy).toHaveBeenCalledWith({ fileName: 'france.scsa.json', text }, undefined));
    await waitFor(() => expect(window.location.hash).toBe('#/a/from-the-usb-stick/form'));
  });

  it('asks before opening a copy of an assessment already here; "keep both" opens it as a numbered copy', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'Imported answer' });
    const text = JSON.stringify(wf.drafts.get(id));
    await openAt(wf, '#/');
    chooseFile(await screen.findByRole('button', { name: 'Open file…' }), new File([text], 'france.scsa.json', { type: 'application/json' }));
    expect(await screen.findByRole('heading', { name: 'This assessment is already on this computer' })).toBeTruthy();
    expect(wf.api.importCopy).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(wf.api.importCopy).toHaveBeenCalledWith({ fileName: 'france.scsa.json', text }, 'keepBoth'));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/a\/imported-\d+\/form$/));
    // What the import had to say is shown on the form it leads to.
    expect(await screen.findByText(/shown in the list as copy 1/)).toBeTruthy();
  });

  it('says why a file cannot be opened, translated', async () => {
    const wf = createFakeWorkflow();
    await openAt(wf, '#/', 'es');
    chooseFile(await screen.findByRole('button', { name: 'Abrir un archivo…' }), new File(['{not json'], 'broken.scsa.json'));
    expect(await screen.findByText(/El archivo broken\.scsa\.json no se puede abrir como borrador/)).toBeTruthy();
  });

  it('saves a copy through a download link named by the core', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:copy');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await openForm(wf, id);
    fireEvent.click(screen.getByRole('button', { name: 'Save a copy as file' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(wf.api.exportCopy).toHaveBeenCalledWith(id);
    expect(clicked[0]?.download).toBe('FRA.scsa.json');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:copy');
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(JSON.parse(await blob.text()).id).toBe(id);
  });

  it('opens an assessment from the list on the home screen', async () => {
    const wf = createFakeWorkflow({ assessments: [{ ...SAMPLE_ASSESSMENT, id: 'abc-1' }] });
    await openAt(wf, '#/');
    const link = await screen.findByRole('link', { name: 'France' });
    expect(link.getAttribute('href')).toBe('#/a/abc-1/form');
  });
});
