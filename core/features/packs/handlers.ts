import type { HandlersOf, IncomingFile } from '../../api/common';
import { AppError } from '../../errors';
import { getPack, listPacks } from '../../checklist/registry';
import { packInLanguages } from '../../checklist/pack-languages';
import { PACK_BYTES_LIMIT, PACK_MB_LIMIT } from '../../checklist/pack-limits';
import { installPack } from '../../packs/install';
import type { TrustList } from '../../packs/trust';
import type { InstalledPackInfo, packsContract } from './contract';

export interface PacksDeps {
  dataDir: string;
  /** Settles once the trust list is read and the installed packs are loaded (see start-up.ts). */
  ready: Promise<TrustList>;
}

export function createPacksHandlers(deps: PacksDeps): HandlersOf<typeof packsContract> {
  return {
    async listPacks() {
      await deps.ready;
      return listPacks();
    },
    async getPack(ref, texts) {
      await deps.ready;
      const { pack, translationGaps } = getPack(ref);
      return texts ? packInLanguages(pack, translationGaps, texts.languages) : { pack, translationGaps };
    },
  };
}

/** The whole upload in memory, refused as soon as it reaches the pack size limit (a pack is read whole anyway). */
async function readBounded(file: IncomingFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.stream()) {
    size += chunk.byteLength;
    if (size >= PACK_BYTES_LIMIT) throw new AppError('packs:errors.packTooLarge', { limit: PACK_MB_LIMIT });
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks);
}

/**
 * "Install a checklist revision": the chosen `*.scsa-pack` is installed only when every signature
 * is valid and its signer is in the trust list shipped with the app; anything else is refused by
 * the engine with its own message, and nothing is written.
 */
export function createInstallPackHandler(deps: PacksDeps): (file: IncomingFile) => Promise<InstalledPackInfo> {
  return async (file) => {
    try {
      const trust = await deps.ready;
      const result = await installPack(await readBounded(file), { dataDir: deps.dataDir, trust });
      const { pack } = getPack(result.ref);
      return { id: result.ref.id, version: result.ref.version, title: pack.title, itemCount: result.itemCount, signer: result.fingerprint, alreadyInstalled: result.alreadyInstalled };
    } finally {
      file.release();
    }
  };
}
