import type { Notice } from '../../../../core/api/contract';

// Notices returned when a draft is imported or created (e.g. "imported as a copy") would be lost when
// the form then opens the assessment again; they wait here for that assessment's first screen.
const pending = new Map<string, Notice[]>();

export function keepNotices(id: string, notices: readonly Notice[]): void {
  if (notices.length > 0) pending.set(id, [...(pending.get(id) ?? []), ...notices]);
}

export function takeNotices(id: string): Notice[] {
  const found = pending.get(id) ?? [];
  pending.delete(id);
  return found;
}
