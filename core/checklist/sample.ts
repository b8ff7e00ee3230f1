import samplePackJson from './packs/sample.pack.json';
import { loadPack, type LoadedPack } from './load';

let cached: LoadedPack | undefined;

/** The bundled sample pack (`safer-cities-sample` 0.1.0): three sections covering every item type. */
export function loadSamplePack(): LoadedPack {
  cached ??= loadPack(samplePackJson, 'strict');
  return cached;
}

/** The raw JSON of the sample pack, for tests that need to break it on purpose. */
export function samplePackSource(): unknown {
  return structuredClone(samplePackJson);
}
