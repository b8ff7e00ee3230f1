/** One numbered, append-only step between two consecutive draft format versions. Never edit a published one. */
export interface DraftMigration {
  /** `NNNN-short-name`, matching the file name. */
  id: string;
  from: number;
  to: number;
  /** Pure: takes the old document, returns the next version's document. */
  up(old: Record<string, unknown>): Record<string, unknown>;
}
