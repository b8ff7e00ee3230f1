import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Every axe violation on the page as one readable line, so a failure says what to fix and where.
 * An empty page would pass too: the rules in `mustPass` must have found something to pass.
 */
export async function axeViolations(page: Page, mustPass: readonly string[] = ['color-contrast']): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining([...mustPass]));
  return result.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
