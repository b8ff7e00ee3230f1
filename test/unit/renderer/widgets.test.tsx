// @vitest-environment happy-dom
// Each item widget writes the answer shape the core expects (core/draft/answers.ts), through autosave.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeWorkflow } from './fake-workflow';
import { field, openForm, resetWorkflowPage, savedChanges, waitForSaved } from './workflow-helpers';
import { chooseFile } from './choose-file';

afterEach(resetWorkflowPage);

const group = (name: RegExp) => screen.getByRole('group', { name });
const goToSection = async (name: RegExp) => {
  fireEvent.click(within(screen.getByRole('navigation', { name: 'Sections of the checklist' })).getByRole('button', { name }));
  await screen.findByRole('heading', { level: 2, name });
};

describe('item widgets', () => {
  it('text, date, multiple choice and yes/no give a string, an ISO date, option ids and a boolean', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await openForm(wf, id);
    fireEvent.change(field(/Name of the national institution/), { target: { value: 'Ministry of the Interior' } });
    fireEvent.change(field(/national consultations were completed/), { target: { value: '2024-05-01' } });
    const stakeholders = group(/Stakeholders consulted/);
    fireEvent.click(within(stakeholders).getByLabelText('Local governments'));
    fireEvent.click(within(stakeholders).getByLabelText('Academia and research institutions'));
    fireEvent.click(within(group(/consent to the publication/)).getByLabelText('No'));
    await waitForSaved(wf, {
      'A.1': 'Ministry of the Interior',
      'A.2': '2024-05-01',
      'A.3': ['local_governments', 'academia'],
      'A.4': false,
    });
    // Unchecking every choice clears the answer rather than saving an empty list.
    fireEvent.click(within(stakeholders).getByLabelText('Local governments'));
    fireEvent.click(within(stakeholders).getByLabelText('Academia and research institutions'));
    await waitFor(() => expect(savedChanges(wf)['A.3']).toBeNull(), { timeout: 4000 });
  });

  it('status, single choice, number and the UNCAC block give their values, with assistance details revealed on demand', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed();
    await openForm(wf, id);
    await goToSection(/B\. National framework/);
    fireEvent.click(within(group(/adopted a national policy/)).getByLabelText('Partially implemented'));
    const body = await screen.findByRole('group', { name: /Which body leads/ });
    fireEvent.click(within(body).getByLabelText('An interministerial body'));
    fireEvent.change(field(/Share of national funding/), { target: { value: '35.5' } });

    const block = group(/Legal basis for the prevention/);
    fireEvent.click(within(within(block).getByRole('group', { name: 'Implementation status' })).getByLabelText('Fully implemented'));
    fireEvent.change(within(block).getByLabelText(/Measures in place/), { target: { value: 'Law 12/2019' } });
    expect(within(block).queryByRole('group', { name: 'Type of technical assistance needed' })).toBeNull();
    fireEvent.click(within(within(block).getByRole('group', { name: 'Is technical assistance needed?' })).getByLabelText('Yes'));
    const types = await within(block).findByRole('group', { name: 'Type of technical assistance needed' });
    fireEvent.click(within(types).getByLabelText('Capacity-building'));
    fireEvent.click(within(within(block).getByRole('group', { name: 'Has such assistance already been received?' })).getByLabelText('Yes'));
    fireEvent.change(await within(block).findByLabelText('Received from whom'), { target: { value: 'UN-Habitat' } });

    await waitForSaved(wf, {
      'B.1': 'partially',
      'B.2': 'interministerial',
      'B.4': 35.5,
      'B.5': {
        status: 'fully',
        measures: 'Law 12/2019',
        assistanceNeeded: true,
        assistanceTypes: ['capacity_building'],
        assistanceReceived: true,
        assistanceReceivedFrom: 'UN-Habitat',
      },
    });
    expect(savedChanges(wf)['B.5']).toEqual({
      status: 'fully',
      measures: 'Law 12/2019',
      assistanceNeeded: true,
      assistanceTypes: ['capacity_building'],
      assistanceReceived: true,
      assistanceReceivedFrom: 'UN-Habitat',
    });
  });

  it('a table gives rows of typed cells, and evidence gives attached files and links', async () => {
    const wf = createFakeWorkflow();
    const id = wf.seed({ 'C.1': { status: 'fully' } });
    await openForm(wf, id);
    await goToSection(/C\. Local implementation/);
    const table = group(/Cities with a safety strategy/);
    fireEvent.click(within(table).getByRole('button', { name: 'Add a row' }));
    fireEvent.change(within(table).getByLabelText('City, row 1'), { target: { value: 'Lyon' } });
    fireEvent.change(within(table).getByLabelText('Date of adoption, row 1'), { target: { value: '2021-03-04' } });
    fireEvent.change(within(table).getByLabelText('Population covered, row 1'), { target: { value: '522000' } });
    fireEvent.change(within(table).getByLabelText('Based on a safety audit, row 1'), { target: { value: 'yes' } });
    await waitForSaved(wf, { 'C.2': [{ city: 'Lyon', adopted: '2021-03-04', population: 522000, audit: true }] });

    // The evidence item applies once the table has a row.
    const evidence = await screen.findByRole('group', { name: /Supporting documents/ });
    const file = new File(['strategy text'], 'strategy.pdf', { type: 'application/pdf' });
    chooseFile(within(evidence).getByRole('button', { name: 'Attach files…' }), file);
    expect(await within(evidence).findByText('strategy.pdf')).toBeTruthy();
    expect(wf.api.addAttachment).toHaveBeenCalledWith(file, id);
    fireEvent.click(within(evidence).getByRole('button', { name: 'Add a link' }));
    fireEvent.change(within(evidence).getByLabelText('Address (URL) of link 1'), { target: { value: 'https://example.org/plan' } });
    fireEvent.change(within(evidence).getByLabelText('Title of link 1'), { target: { value: 'Action plan' } });
    const sha = (await wf.api.addAttachment.mock.results[0]?.value)?.value?.attachment?.sha256 as string;
    await waitForSaved(wf, { 'C.3': { files: [sha], links: [{ url: 'https://example.org/plan', title: 'Action plan' }] } });
  });
});
