import './styles/fonts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/form.css';
import './styles/checklist.css';
import { resolveApi } from './api/resolve-api';
import { prefetchFirstCalls, tokenFromLocation } from './api/web-prefetch';
import { startEarlyLoads } from './app/early-loads';
import { mark } from './app/marks';

// The entry only wires. The app's code (React, the screens) is a separate chunk, asked for once the
// first requests to the core are under way: a form opened at start-up does not wait for React before
// asking for its draft and pack, and the core answers while that code loads and runs.
mark('entry');
const container = document.getElementById('root');
if (container) {
  // Over HTTP (the web test host) the first calls go out before the client and its checks have loaded.
  if (!window.api) prefetchFirstCalls(window.location.hash, tokenFromLocation(window.location.search));
  const api = await resolveApi();
  const early = startEarlyLoads(api, window.location.hash);
  const { boot } = await import('./app/boot');
  await boot(container, api, early);
}
