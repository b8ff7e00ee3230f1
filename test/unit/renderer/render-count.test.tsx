// @vitest-environment happy-dom
// Typing in one item must not re-render the others: inputs are uncontrolled and item cards memoized.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/react';
import type { WidgetProps } from '../../../renderer/src/ui/answer-widgets/widget-props';
import { createFakeWorkflow } from './fake-workflow';
import { field, openForm, resetWorkflowPage, waitForSaved } from './workflow-helpers';

const renders = vi.hoisted(() => new Map<string, number>());

// Count renders of the date and yes/no widgets (items A.2 and A.4) by wrapping them.
vi.mock('../../../renderer/src/ui/answer-widgets/text-widgets', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../renderer/src/ui/answer-widgets/text-widgets')>();
  return {
    ...original,
    DateWidget: (props: WidgetProps<'date'>) => {
      renders.set(props.item.id, (renders.get(props.item.id) ?? 0) + 1);
      return original.DateWidget(props);
    },
  };
});
vi.mock('../../../renderer/src/ui/answer-widgets/choice-widgets', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../renderer/src/ui/answer-widgets/choice-widgets')>();
  return {
    ...original,
    YesNoWidget: (props: WidgetProps<'yesno'>) => {
      renders.set(props.item.id, (renders.get(props.item.id) ?? 0) + 1);
      return original.YesNoWidget(props);
    },
  };
});

afterEach(resetWorkflowPage);

describe('typing in the form', () => {
  it('re-renders neither the other items nor, keystroke by keystroke, the checklist', async () => {
    const wf = createFakeWorkflow();
    await openForm(wf, wf.seed({ 'A.1': 'M' }));
    const before = new Map(renders);
    expect(before.get('A.2')).toBeGreaterThan(0);
    const input = field(/Name of the national institution/);
    let text = 'M';
    for (const letter of 'inistry of the Interior') {
      text += letter;
      fireEvent.change(input, { target: { value: text } });
    }
    await waitForSaved(wf, { 'A.1': 'Ministry of the Interior' });
    expect(renders.get('A.2')).toBe(before.get('A.2'));
    expect(renders.get('A.4')).toBe(before.get('A.4'));
  });
});
