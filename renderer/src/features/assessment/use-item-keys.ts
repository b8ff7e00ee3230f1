import type { KeyboardEvent } from 'react';

const TYPING = /^(INPUT|TEXTAREA|SELECT)$/;
const NOT_TYPING = new Set(['radio', 'checkbox', 'button', 'file']);

/**
 * Alt+↓ / Alt+↑ anywhere, and J / K outside a text field, move to the next or previous item. Keys
 * are read by their place on the keyboard (`code`), not the letter they type: J and K work with an
 * Arabic, Russian or French layout alike.
 */
export function onItemKeys(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  const typing = TYPING.test(target.tagName) && !NOT_TYPING.has((target as HTMLInputElement).type);
  const bare = !typing && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
  const down = (event.altKey && event.code === 'ArrowDown') || (bare && event.code === 'KeyJ');
  const up = (event.altKey && event.code === 'ArrowUp') || (bare && event.code === 'KeyK');
  if (!down && !up) return;
  const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-item-card]')];
  const current = cards.findIndex((c) => c.contains(target));
  const next = cards[current < 0 ? 0 : Math.min(cards.length - 1, Math.max(0, current + (down ? 1 : -1)))];
  if (!next) return;
  event.preventDefault();
  // Scrolled first, then focused without scrolling: whoever measures the card on focus sees where it stays.
  next.scrollIntoView?.({ block: 'nearest' });
  next.focus({ preventScroll: true });
}
