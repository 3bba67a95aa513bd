/** A write request as the publishing app's page sends it: same origin, the session's token, JSON. */
import type { RunningServer } from '../src/server/index.js';

export const postJson = (server: RunningServer, path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: server.url.replace(/\/$/, ''),
      'x-nianbao-token': server.token,
    },
    body: JSON.stringify(body),
  });
