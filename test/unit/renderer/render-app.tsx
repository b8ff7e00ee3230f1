// Starts the real renderer (settings → language → home screen) against a fake Api.
import { cleanup, render } from '@testing-library/react';
import type { RendererApi } from '../../../core/api/contract';
import { prepareApp } from '../../../renderer/src/app/prepare';
import { App } from '../../../renderer/src/app/app';

export async function renderApp(api: RendererApi) {
  const { i18n, startupError } = await prepareApp(api);
  const view = render(<App api={api} i18n={i18n} startupError={startupError} />);
  return { ...view, i18n };
}

/** Unmount and put `<html>` back as the page starts, so no test sees another's language. */
export function resetPage() {
  cleanup();
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
}
