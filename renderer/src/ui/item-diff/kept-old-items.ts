import { useEffect, useState } from 'react';
import type { ChecklistItem } from '../../../../core/checklist/schema';
import type { RetiredAnswer } from '../../../../core/draft/retired';
import type { Language } from '../../../../core/i18n/languages';
import { useApi } from '../../api/api-context';

const keyOf = (r: RetiredAnswer) => `${r.checklist.id}@${r.checklist.version}#${r.itemId}`;

/** Answers kept by an app older than draft format 3 carry no words for their choices or columns. */
const lacksWords = (r: RetiredAnswer) => r.options === undefined && r.columns === undefined && (r.type === 'single' || r.type === 'multi' || r.type === 'table');

/**
 * The old version's own items for kept answers that came without their words, when that version's
 * pack is installed here (else the answer shows its ids). Nothing is asked for answers that carry
 * their words, which is every answer kept since format 3.
 */
export function useOldItems(kept: readonly RetiredAnswer[], lng: Language): (r: RetiredAnswer) => ChecklistItem | undefined {
  const api = useApi();
  const [items, setItems] = useState<ReadonlyMap<string, ChecklistItem>>(new Map());
  const wanted = [...new Set(kept.filter(lacksWords).map((r) => `${r.checklist.id}@${r.checklist.version}`))].sort().join('\n');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void (async () => {
      const found = new Map<string, ChecklistItem>();
      for (const ref of wanted.split('\n')) {
        const [id = '', version = ''] = ref.split('@');
        const loaded = await api.getPack({ id, version }, { languages: [lng] });
        // A version not installed here is no error: its answers show their ids.
        if (!loaded.ok) continue;
        for (const item of loaded.value.pack.sections.flatMap((s) => s.items)) found.set(`${ref}#${item.id}`, item);
      }
      if (live) setItems(found);
    })();
    return () => {
      live = false;
    };
  }, [api, wanted, lng]);
  return (r) => (lacksWords(r) ? items.get(keyOf(r)) : undefined);
}
