import './styles/fonts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/form.css';
import './styles/checklist.css';
import { resolveApi } from './api/resolve-api';
import { startEarlyLoads } from './app/early-loads';
import { mark } from './app/marks';

// The entry only wires. The app's code (React, the screens, the translations) is a separate chunk
// fetched and evaluated while the first requests to the core are already under way: a form opened
// at start-up does not wait for React before asking for its draft and pack.
mark('entry');
const container = document.getElementById('root');
if (container) {
  const app = import('./app/boot');
  const api = await resolveApi();
  const early = startEarlyLoads(api, window.location.hash);
  const { boot } = await app;
  await boot(container, api, early);
}
