/**
 * Whether a stored answer counts as given, and how many entries it has. Shape-agnostic on purpose:
 * it works on any JSON value, so rules and validation agree on what "answered" means for every
 * item type (a blank string, an empty list or a block of blanks is not an answer).
 */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(isAnswered);
  if (typeof value === 'object') return Object.values(value).some(isAnswered);
  return false;
}

/** Rows of a table, choices of a multiple choice, files plus links of evidence; 1 or 0 otherwise. */
export function countEntries(value: unknown): number {
  if (Array.isArray(value)) return value.filter(isAnswered).length;
  if (value && typeof value === 'object') {
    const lists = Object.values(value).filter(Array.isArray);
    if (lists.length > 0) return lists.reduce((n, l) => n + l.filter(isAnswered).length, 0);
  }
  return isAnswered(value) ? 1 : 0;
}
