import type { HandlersOf } from '../../api/common';
import { getPack, listPacks } from '../../checklist/registry';
import { packInLanguages } from '../../checklist/pack-languages';
import type { packsContract } from './contract';

export function createPacksHandlers(): HandlersOf<typeof packsContract> {
  return {
    async listPacks() {
      return listPacks();
    },
    async getPack(ref, texts) {
      const { pack, translationGaps } = getPack(ref);
      return texts ? packInLanguages(pack, translationGaps, texts.languages) : { pack, translationGaps };
    },
  };
}
