import type { ReactNode } from 'react';

// Plain characters: a value put into a message has its control characters shown (shown-text.ts), so an invisible mark would not survive.
const MARK = '@@value@@';

/**
 * A translated sentence around a value from a file (an institution, a person's name), with the value
 * in its own `<bdi>`: an Arabic name inside a French sentence, or the reverse, keeps its place and order.
 * `sentence` is the translation made with `MARK_VALUE` as the value.
 */
export function Isolated({ sentence, value }: { sentence: string; value: string }): ReactNode {
  const at = sentence.indexOf(MARK);
  if (at < 0) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      <bdi>{value}</bdi>
      {sentence.slice(at + MARK.length)}
    </>
  );
}

/** The placeholder to translate a sentence with, before `Isolated` puts the value in. */
export const MARK_VALUE = MARK;
