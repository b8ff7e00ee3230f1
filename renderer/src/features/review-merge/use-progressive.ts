import { startTransition, useEffect, useState } from 'react';

/** Items drawn at once when the list opens or grows: two cards of ten suggestions already fill a screen. */
const FIRST_ITEMS = 2;

/**
 * How many of `total` items to draw now. An item with ten institutions' suggestions is ten
 * differences to lay out, and drawing a whole page of them in one task kept the first card off the
 * screen until the last was done. The first few are drawn at once; the rest follow in a transition,
 * which React splits into short tasks that a keystroke or a click can interrupt.
 */
export function useProgressive(total: number): number {
  const [count, setCount] = useState(FIRST_ITEMS);
  useEffect(() => {
    if (count >= total) return;
    // A timer, not the effect itself: the browser paints the first cards before the rest are started.
    const timer = setTimeout(() => startTransition(() => setCount(total)), 0);
    return () => clearTimeout(timer);
  }, [count, total]);
  return Math.min(total, Math.max(count, FIRST_ITEMS));
}
