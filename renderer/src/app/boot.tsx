import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { RendererApi } from '../../../core/api/contract';
import { App } from './app';
import type { EarlyLoads } from './early-loads';
import { mark } from './marks';
import { prepareApp } from './prepare';

/** Pick the language (from the settings already asked for) and render the app. */
export async function boot(container: HTMLElement, api: RendererApi, early: EarlyLoads): Promise<void> {
  mark('boot');
  const { i18n, startupError } = await prepareApp(api, early.settings);
  mark('i18n');
  createRoot(container).render(
    <StrictMode>
      <App api={api} i18n={i18n} startupError={startupError} />
    </StrictMode>,
  );
}
