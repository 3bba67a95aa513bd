import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { setExtensions } from './extensions.js';

// The extensions first: every form, grid and check of the editor depends on them.
fetch('/api/extensions')
  .then((response) => (response.ok ? response.json() : { extensions: {} }))
  .then((body: { extensions?: Parameters<typeof setExtensions>[0] }) => setExtensions(body.extensions ?? {}))
  .catch(() => undefined)
  .finally(() => createRoot(document.getElementById('root')!).render(<App />));
