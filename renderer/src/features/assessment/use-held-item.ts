import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';

const cardOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-item-card]') : null);

/**
 * Under a filter ("unanswered", "incomplete"), the item the user is answering stops matching it as
 * soon as it is answered. It is held on screen until the user moves to another item, so neither the
 * field being typed in nor the page moves. When the held item then leaves the list, the item the user
 * moved to keeps its place on screen (the page scrolls by what was removed above it).
 */
export function useHeldItem(filtering: boolean, resetKey: string) {
  const [held, setHeld] = useState<{ id: string; key: string } | null>(null);
  const heldRef = useRef(held);
  heldRef.current = held;
  // Where the item moved to sat on screen before the list changed.
  const anchor = useRef<{ id: string; top: number } | null>(null);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      if (!filtering) return;
      const card = cardOf(event.target);
      const id = card?.getAttribute('data-item-card');
      if (!card || !id || heldRef.current?.id === id) return;
      anchor.current = { id, top: card.getBoundingClientRect().top };
      setHeld({ id, key: resetKey });
    },
    [filtering, resetKey],
  );

  useLayoutEffect(() => {
    const moved = anchor.current;
    anchor.current = null;
    if (!moved) return;
    const card = document.querySelector(`[data-item-card="${CSS.escape(moved.id)}"]`);
    const shift = card ? card.getBoundingClientRect().top - moved.top : 0;
    if (shift !== 0) window.scrollBy(0, shift);
  }, [held]);

  // A new filter, search or section starts afresh: nothing is held from the list before.
  return { held: filtering && held?.key === resetKey ? held.id : null, onFocus };
}
