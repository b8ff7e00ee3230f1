import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/fonts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/form.css';
import './styles/checklist.css';
import { resolveApi } from './api/resolve-api';
import { prepareApp } from './app/prepare';
import { App } from './app/app';

// The entry only wires: find the API, pick the language, render.
const container = document.getElementById('root');
if (container) {
  const api = await resolveApi();
  const { i18n, startupError } = await prepareApp(api);
  createRoot(container).render(
    <StrictMode>
      <App api={api} i18n={i18n} startupError={startupError} />
    </StrictMode>,
  );
}
