/**
 * What keeps a local server local. A web page on any other site can make the clerk's browser send
 * requests to 127.0.0.1, and DNS rebinding can make such a page same-origin; so:
 * - every request must name this server in Host (a rebinding page names its own domain);
 * - every write must come from this server's own page: Origin is this server, and the per-session
 *   token that only that page holds (it is put into the page, which other origins cannot read) is
 *   in the X-Nianbao-Token header;
 * - bodies larger than the source size limit are refused before they are read whole.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DEFAULT_LIMITS } from '@nianbao/source';

export interface GuardOptions {
  token: string;
  /** host:port values a request may carry in Host (filled once the port is known). */
  hosts: Set<string>;
}

type Lang = 'zh' | 'en';
export const langOf = (c: Context): Lang => (c.req.header('x-nianbao-lang') === 'en' ? 'en' : 'zh');

export function jsonError(c: Context, status: number, reason: { zh: string; en: string } | string, extra = {}) {
  const text = typeof reason === 'string' ? reason : reason[langOf(c)];
  return c.json({ error: { reason: text }, ...extra }, status as 400);
}

const sameToken = (given: string | undefined, token: string) => {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function guard(options: GuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!options.hosts.has(host.toLowerCase()))
      return jsonError(c, 403, {
        zh: `拒绝：请求的主机名 ${JSON.stringify(host)} 不是本服务。`,
        en: `Refused: the request's Host ${JSON.stringify(host)} is not this server.`,
      });
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const origin = c.req.header('origin');
    if (
      origin === undefined ||
      !options.hosts.has(origin.replace(/^http:\/\//, '').toLowerCase()) ||
      !origin.startsWith('http://')
    )
      return jsonError(c, 403, {
        zh: `拒绝：写入请求来自其他来源（Origin ${JSON.stringify(origin ?? '')}）。`,
        en: `Refused: a write from another origin (Origin ${JSON.stringify(origin ?? '')}).`,
      });
    if (!sameToken(c.req.header('x-nianbao-token'), options.token))
      return jsonError(c, 403, {
        zh: '拒绝：写入请求缺少本次会话的令牌（请刷新页面）。',
        en: "Refused: the write lacks this session's token (reload the page).",
      });
    return next();
  };
}

/** The source size limit, as for a file read from disk (JSON of the same document is about as large). */
export const sizeLimit = (): MiddlewareHandler =>
  bodyLimit({
    maxSize: DEFAULT_LIMITS.maxBytes,
    onError: (c) =>
      jsonError(c, 413, {
        zh: `拒绝：请求内容超过上限 ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB。`,
        en: `Refused: the request body is larger than the ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB limit.`,
      }),
  });
