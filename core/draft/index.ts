/** Public surface of the draft document: schema, answers, migrations, validation. */
export * from './schema';
export * from './answers';
export * from './validate';
export * from './create';
export * from './retired';
export { migrateDraft, DRAFT_MIGRATIONS, type DraftMigration, type MigrationResult } from './migrations/index';
