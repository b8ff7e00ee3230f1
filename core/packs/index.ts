/** Checklist packs from outside the app: authoring (build, check, diff), the signed container, trust, installing. */
export * from './container';
export * from './trust';
export * from './open';
export * from './install';
export * from './source-build';
export * from './check';
export * from './diff';
