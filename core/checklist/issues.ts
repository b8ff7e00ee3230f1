import type { z } from 'zod';

/** `sections[1].items[3].text.fr` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** The first schema problem as i18n params: where it is and what zod said. */
export function describeIssues(error: z.ZodError): { path: string; problem: string; count: number } {
  const first = error.issues[0];
  return { path: first ? formatIssuePath(first.path) || '(root)' : '(root)', problem: first?.message ?? 'invalid', count: error.issues.length };
}
