/**
 * `nianbao serve`: the publishing app on a folder of report sources. Starts the HTTP server on
 * 127.0.0.1 (another host only when asked, with a warning printed by the caller) and returns its URL.
 */
import { randomBytes } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ExtensionsByEdition } from '../shared/extensions.js';
import { createApp } from './app.js';

export { createApp, type AppOptions } from './app.js';
export { resolveReportName } from './paths.js';
export type { EditionExtensions, ExtensionsByEdition } from '../shared/extensions.js';
export { mergeIntoDocument } from './yaml-merge.js';

export interface ServeOptions {
  folder: string;
  /** Default 4173; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Local extensions by edition: what @nianbao/extension's applyExtensions gives each edition they
   * apply to (the caller loads them once and refuses a bad one before starting).
   */
  extensions?: ExtensionsByEdition;
  /** The PDF font file per role (nianbao.config.json / --fonts), checked by the caller; default: the open fonts. */
  fonts?: import('@nianbao/outputs').RenderOptions['fonts'];
}

export interface RunningServer {
  url: string;
  token: string;
  folder: string;
  close(): Promise<void>;
}

export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const root = await realpath(options.folder);
  if (!(await stat(root)).isDirectory()) throw new Error(`${options.folder}: not a folder`);
  const host = options.host ?? '127.0.0.1';
  const token = randomBytes(24).toString('base64url');
  const hosts = new Set<string>();
  const app = createApp({ root, token, hosts, extensions: options.extensions, fonts: options.fonts });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port ?? 4173, hostname: host }, () => resolve(created));
    created.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const names = LOOPBACK.has(host) ? ['127.0.0.1', 'localhost', '[::1]'] : [host.includes(':') ? `[${host}]` : host];
  for (const name of names) hosts.add(`${name}:${port}`.toLowerCase());
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    token,
    folder: root,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
