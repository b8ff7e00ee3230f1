// @vitest-environment happy-dom
// An assessment after its creation, on screen with a fake core: the home list says how far each has
// come and where it stands; archive and delete ask first and can be undone; a file copy of an
// assessment already here asks replace / keep both / cancel; the Details screen edits the details.
import { chooseFile } from './choose-file';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Api, AssessmentSummary } from '../../../core/api/contract';
import { createFakeApi, SAMPLE_ASSESSMENT } from './fake-api';
import { createFakeWorkflow } from './fake-workflow';
import { renderApp, resetPage } from './render-app';
import { openAt, resetWorkflowPage } from './workflow-helpers';

afterEach(() => {
  resetWorkflowPage();
  vi.restoreAllMocks();
});

const SUBMITTED: AssessmentSummary = { ...SAMPLE_ASSESSMENT, id: 'b2', countryCode: 'MAR', submission: { submissionRevision: 2, exportedAt: '2026-11-18T09:00:00.000Z', changed: false } };
const CHANGED: AssessmentSummary = { ...SAMPLE_ASSESSMENT, id: 'c3', countryCode: 'KEN', progress: { answered: 85, relevant: 85 }, submission: { submissionRevision: 1, exportedAt: '2026-11-10T09:00:00.000Z', changed: true } };

/** A core that keeps its list: archive, delete (to a trash entry) and undo change what the next list says. */
function shelfApi(rows: AssessmentSummary[], language = 'en') {
  let list = [...rows];
  const trash = new Map<string, AssessmentSummary>();
  const m = {
    listAssessments: vi.fn<Api['listAssessments']>(async () => ({ ok: true, value: list })),
    setAssessmentArchived: vi.fn<Api['setAssessmentArchived']>(async (id, archived) => {
      list = list.map((a) => (a.id === id ? { ...a, archivedAt: archived ? '2026-11-21T08:00:00.000Z' : null } : a));
      return { ok: true, value: list.find((a) => a.id === id) as AssessmentSummary };
    }),
    deleteAssessment: vi.fn<Api['deleteAssessment']>(async (id) => {
      const entry = `${id}--20261121T080000Z`;
      trash.set(entry, list.find((a) => a.id === id) as AssessmentSummary);
      list = list.filter((a) => a.id !== id);
      return { ok: true, value: { trashEntry: entry } };
    }),
    restoreDeletedAssessment: vi.fn<Api['restoreDeletedAssessment']>(async (entry) => {
      const back = trash.get(entry) as AssessmentSummary;
      list = [...list, back];
      return { ok: true, value: back };
    }),
  };
  return Object.assign(createFakeApi({ language, overrides: m }), m);
}

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;

describe('the home list', () => {
  it('shows each assessment’s progress and status: draft, submitted revision N on a date, changed since', async () => {
    await renderApp(createFakeApi({ assessments: [SAMPLE_ASSESSMENT, SUBMITTED, CHANGED] }));
    await screen.findByRole('table');
    expect(rowOf('France').textContent).toContain('4 of 12 items answered');
    expect(rowOf('France').textContent).toContain('Draft');
    expect(rowOf('Morocco').textContent).toContain('Submitted: revision 2, November 18, 2026');
    expect(rowOf('Kenya').textContent).toContain('85 of 85 items answered');
    expect(rowOf('Kenya').textContent).toContain('Changed since submission revision 1 (November 10, 2026)');
  });

  it('says the same in Arabic, right to left, with the Arabic plural forms', async () => {
    await renderApp(createFakeApi({ language: 'ar', assessments: [{ ...SAMPLE_ASSESSMENT, progress: { answered: 1, relevant: 2 } }, SUBMITTED] }));
    await screen.findByRole('table');
    expect(document.documentElement.dir).toBe('rtl');
    expect(rowOf('فرنسا').textContent).toContain('أُجيب عن 1 من أصل بندين');
    expect(rowOf('فرنسا').textContent).toContain('مسودة');
    expect(rowOf('المغرب').textContent).toContain('مُقدَّمة: المراجعة 2');
  });

  it('tells two copies of one assessment apart by their copy number', async () => {
    const copy = { ...SAMPLE_ASSESSMENT, id: 'a1-copy', copy: { n: 1, of: 'a1', openedAt: '2026-11-21T08:00:00.000Z' } };
    await renderApp(createFakeApi({ assessments: [SAMPLE_ASSESSMENT, copy] }));
    await screen.findByRole('table');
    const rows = screen.getAllByRole('link', { name: 'France' }).map((a) => a.closest('tr')?.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).not.toBe(rows[1]);
    expect(rows[1]).toContain('Copy 1, opened on November 21, 2026');
  });

  it('archives only after a confirmation, lists it under "Archived assessments", and brings it back', async () => {
    const api = shelfApi([SAMPLE_ASSESSMENT, SUBMITTED]);
    await renderApp(api);
    await screen.findByRole('table');
    fireEvent.click(within(rowOf('France')).getByRole('button', { name: 'Archive (France)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Archive the assessment of France?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.setAssessmentArchived).not.toHaveBeenCalled();

    fireEvent.click(within(rowOf('France')).getByRole('button', { name: 'Archive (France)' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('The assessment of France was archived.')).toBeTruthy();
    const archived = screen.getByText('Archived assessments (1)').closest('details') as HTMLElement;
    expect(within(archived).getByRole('link', { name: 'France' })).toBeTruthy();
    expect(screen.getByText('1 assessment')).toBeTruthy();

    fireEvent.click(within(archived).getByRole('button', { name: 'Bring back (France)' }));
    expect(await screen.findByText('The assessment of France is back in the list.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Archived assessments/)).toBeNull());
    expect(api.setAssessmentArchived.mock.calls).toEqual([['a1', true], ['a1', false]]);
  });

  it('deletes only after a confirmation whose focus is on Cancel, names the trash folder, and an undo puts it back', async () => {
    const api = shelfApi([SAMPLE_ASSESSMENT, SUBMITTED]);
    await renderApp(api);
    await screen.findByRole('table');
    fireEvent.click(within(rowOf('Morocco')).getByRole('button', { name: 'Delete (Morocco)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the assessment of Morocco?' });
    expect(dialog.textContent).toContain('moved to the trash folder');
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move to the trash' }));
    expect(await screen.findByText(/The assessment of Morocco was moved to the trash folder of the data folder:/)).toBeTruthy();
    expect(screen.getByText('trash/b2--20261121T080000Z').getAttribute('dir')).toBe('ltr');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Morocco' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Morocco' })).toBeTruthy();
    expect(api.restoreDeletedAssessment).toHaveBeenCalledWith('b2--20261121T080000Z');
  });
});

/** Choose `text` as the file of "Open file…" on the home screen. */
async function openFile(label: string, text: string, name = 'copy.scsa.json') {
  chooseFile(await screen.findByRole('button', { name: label }), new File([text], name, { type: 'application/json' }));
}

describe('opening a file copy', () => {
  it('"replace" makes the file the next revision of the same assessment', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'A.1': 'typed here' });
    const text = JSON.stringify({ ...wf.drafts.get(id), answers: { 'A.1': 'from the file' } });
    await openAt(wf, '#/');
    await openFile('Open file…', text);
    const dialog = await screen.findByRole('dialog', { name: 'This assessment is already on this computer' });
    expect(dialog.textContent).toContain('In the file');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace with the file' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/a/${id}/form`));
    expect(wf.drafts.get(id)?.answers).toEqual({ 'A.1': 'from the file' });
    expect(await screen.findByText(/remain in its saved versions/)).toBeTruthy();
  });

  it('"cancel" adds nothing', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await openAt(wf, '#/');
    await openFile('Open file…', JSON.stringify(wf.drafts.get(id)));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(wf.api.importCopy).not.toHaveBeenCalled();
    expect(wf.drafts.size).toBe(1);
  });

  it('never offers to replace an assessment with another country’s, and says why', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    const foreign = { ...wf.drafts.get(id), assessment: { ...wf.drafts.get(id)?.assessment, countryCode: 'MAR' } };
    await openAt(wf, '#/');
    await openFile('Open file…', JSON.stringify(foreign));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('alert').textContent).toContain('The file holds the assessment of Morocco, but the assessment with the same identifier on this computer is that of France.');
    expect(within(dialog).queryByRole('button', { name: 'Replace with the file' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Keep both' })).toBeTruthy();
  });

  it('in Arabic, says a file of another country than those here before opening it', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    const other = { ...wf.drafts.get(id), id: 'from-rabat', assessment: { ...wf.drafts.get(id)?.assessment, countryCode: 'MAR' } };
    await openAt(wf, '#/', 'ar');
    await openFile('فتح ملف…', JSON.stringify(other), 'maroc.scsa.json');
    const dialog = await screen.findByRole('dialog', { name: 'هذا الملف هو تقييم المغرب' });
    expect(dialog.textContent).toContain('التقييمات الموجودة على هذا الحاسوب هي تقييمات فرنسا');
    expect(wf.api.importCopy).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'فتحه كتقييم مستقل' }));
    await waitFor(() => expect(window.location.hash).toBe('#/a/from-rabat/form'));
  });
});

describe('the Details screen', () => {
  it('edits focal points, institutions and period after creation, from a tab of the form', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await openAt(wf, `#/a/${id}/form`);
    const tab = await screen.findByRole('link', { name: 'Details' });
    expect(tab.getAttribute('href')).toBe(`#/a/${id}/details`);
    window.location.hash = `#/a/${id}/details`;
    const name = (await screen.findByLabelText(/^Name/)) as HTMLInputElement;
    expect(name.value).toBe('Ana');
    // The country and the language of the answers are shown, not offered for change.
    expect(document.querySelector('.details__fixed')?.textContent).toContain('France');
    expect(screen.queryByLabelText(/^Country/)).toBeNull();
    fireEvent.change(name, { target: { value: 'Ana María Pérez' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add an institution' }));
    fireEvent.change(await screen.findByLabelText('Institution 1'), { target: { value: 'Ministère de l’Intérieur' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the details' }));
    expect(await screen.findByText(/The details were saved \(revision \d+\)\./)).toBeTruthy();
    expect(wf.api.updateAssessment).toHaveBeenCalledWith(id, {
      countryCode: 'FRA',
      responseLanguage: 'en',
      focalPoints: [{ name: 'Ana María Pérez', title: '', institution: '', email: '', phone: '' }],
      contributingInstitutions: ['Ministère de l’Intérieur'],
      periodCovered: { from: '2024-01-01', to: '2025-12-31' },
    });
  });

  it('refuses a period that ends before it starts, in Arabic, and saves nothing', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await openAt(wf, `#/a/${id}/details`, 'ar');
    fireEvent.change(await screen.findByLabelText('من'), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByLabelText('إلى'), { target: { value: '2024-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'حفظ البيانات الأساسية' }));
    expect(await screen.findByText('لا يجوز أن تسبق نهاية الفترة بدايتها.')).toBeTruthy();
    expect(wf.api.updateAssessment).not.toHaveBeenCalled();
  });
});

afterEach(resetPage);
