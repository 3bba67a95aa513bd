/** The HTTP application: the guard, the JSON API and the built client, all served from this package. */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { guard, jsonError } from './guard.js';
import type { ExtensionsByEdition } from '../shared/extensions.js';
import { registerRoutes } from './routes.js';

export interface AppOptions {
  /** The folder of reports: absolute and real (symbolic links resolved). */
  root: string;
  token: string;
  /** host:port values accepted in Host and Origin. */
  hosts: Set<string>;
  /** Local extensions by edition (`serve --extension`), loaded once by the caller. */
  extensions?: ExtensionsByEdition;
  /** The PDF font file per role, for every preview and publication. */
  fonts?: import('@nianbao/outputs').RenderOptions['fonts'];
  /** The built client (default: dist/client of this package). */
  clientDir?: string;
}

// dist/client from dist/server (as installed) and from src/server (tests run the sources).
const CLIENT_DIR = fileURLToPath(new URL('../../dist/client/', import.meta.url));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
// Everything comes from this server: no CDN, no telemetry. The HTML preview is a sandboxed srcdoc
// frame (inline style only), the PDF preview a blob: URL.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function createApp(options: AppOptions): Hono {
  const clientDir = options.clientDir ?? CLIENT_DIR;
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('content-security-policy', CSP);
    c.header('cache-control', 'no-store');
  });
  app.use('*', guard({ token: options.token, hosts: options.hosts }));
  registerRoutes(app, { root: options.root, extensions: options.extensions, fonts: options.fonts });
  app.all('/api/*', (c) => jsonError(c, 404, { zh: '没有这个接口。', en: 'No such API.' }));

  app.get('/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (!/^[\w.-]+$/.test(file) || file.startsWith('.')) return c.notFound();
    try {
      const data = await readFile(join(clientDir, 'assets', normalize(file)));
      return c.body(data, 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    } catch {
      return c.notFound();
    }
  });
  app.get('*', async (c) => {
    let html: string;
    try {
      html = await readFile(join(clientDir, 'index.html'), 'utf8');
    } catch {
      return c.text('nianbao publisher: the client is not built (npm run build -w @nianbao/publisher)', 500);
    }
    // The token goes into the page only: other origins cannot read the page, so they cannot write.
    return c.html(html.replace('__NIANBAO_TOKEN__', options.token));
  });
  return app;
}
