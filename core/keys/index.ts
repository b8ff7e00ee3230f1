/** Public surface of the focal point's signing keys: generation, sealed storage, import, replacement. */
export * from './fingerprint';
export * from './key-file';
export * from './keys';
export * from './key-store';
export * from './key-swap';
export * from './replacement';
