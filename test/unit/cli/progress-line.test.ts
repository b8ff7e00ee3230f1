// Long commands (export, verify, pdf) show a progress line on a terminal, and nothing in a log file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { percentText, progressLine } from '../../../cli/commands/progress-line';

const originalTty = process.stderr.isTTY;

function capture(tty: boolean): string[] {
  const written: string[] = [];
  Object.defineProperty(process.stderr, 'isTTY', { value: tty, configurable: true });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return written;
}

afterEach(() => {
  vi.restoreAllMocks();
  Object.defineProperty(process.stderr, 'isTTY', { value: originalTty, configurable: true });
});

describe('the progress line', () => {
  it('on a terminal rewrites one line, only when its text changes, and clears it at the end', () => {
    const written = capture(true);
    const line = progressLine((done, total) => `Checking the bundle: ${percentText('en', done, total)}`);
    line.update(0, 200);
    line.update(1, 200);
    line.update(100, 200);
    line.update(200, 200);
    line.clear();
    expect(written).toEqual(['\rChecking the bundle: 0%\u001b[K', '\rChecking the bundle: 50%\u001b[K', '\rChecking the bundle: 100%\u001b[K', '\r\u001b[K']);
  });

  it('writes nothing when stderr is a file or a pipe', () => {
    const written = capture(false);
    const line = progressLine((done, total) => `${done}/${total}`);
    line.update(5, 10);
    line.clear();
    expect(written).toEqual([]);
  });
});

describe('percentages', () => {
  it('are whole numbers in the message language, never above 100', () => {
    expect(percentText('en', 1, 3)).toBe('33%');
    expect(percentText('fr', 42, 100).replace(/\s/gu, ' ')).toBe('42 %');
    expect(percentText('ar', 1, 2)).toBe(new Intl.NumberFormat('ar', { style: 'percent' }).format(0.5));
    expect(percentText('en', 7, 5)).toBe('100%');
    expect(percentText('en', 0, 0)).toBe('100%');
  });
});
