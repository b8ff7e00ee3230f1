/** Public surface of the checklist engine: pack format, loading, rules, localization. */
export * from './vocabulary';
export * from './localized';
export * from './schema';
export * from './load';
export * from './rules';
export * from './answer-presence';
export { loadSamplePack, samplePackSource } from './sample';
export * from './migrations-schema';
export * from './migration-chain';
export * from './pack-limits';
