/**
 * A progress line on stderr that rewrites itself, only on a terminal: a log file or a pipe gets no
 * carriage returns. `text` turns (done, total) into the line; it is written only when it changes.
 */
export function progressLine(text: (done: number, total: number) => string): { update(done: number, total: number): void; clear(): void } {
  const tty = process.stderr.isTTY === true;
  let shown = '';
  return {
    update(done, total) {
      if (!tty) return;
      const line = text(done, total);
      if (line === shown) return;
      shown = line;
      process.stderr.write(`\r${line}\u001b[K`);
    },
    clear() {
      if (shown) process.stderr.write('\r\u001b[K');
      shown = '';
    },
  };
}

/** A whole percentage in the message language (Intl), e.g. "42 %" in French. */
export function percentText(language: string, done: number, total: number): string {
  const fraction = total > 0 ? Math.min(1, Math.floor((done / total) * 100) / 100) : 1;
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}
