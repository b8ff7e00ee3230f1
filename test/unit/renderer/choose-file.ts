// Choosing a file in a component test: the file picker's button (found by its label) opens a hidden
// file input; the test hands that input its files as the browser's dialog would.
import { fireEvent } from '@testing-library/react';

/** The file input behind a file picker's button (or the input itself). */
export function fileInputOf(control: HTMLElement): HTMLInputElement {
  if (control instanceof HTMLInputElement && control.type === 'file') return control;
  const input = control.closest('.file-picker')?.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file picker around this control');
  return input;
}

export function chooseFile(control: HTMLElement, ...files: File[]): void {
  const input = fileInputOf(control);
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}
