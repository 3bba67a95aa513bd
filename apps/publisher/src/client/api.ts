/** Calls to the app's server: the session token on every write, the language on every call. */
import type { Lang } from './i18n.js';

const token = document.querySelector<HTMLMetaElement>('meta[name="nianbao-token"]')?.content ?? '';
let lang: Lang = 'zh';
export const setApiLang = (value: Lang) => {
  lang = value;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly body: Record<string, unknown>,
  ) {
    super(reason);
  }
}

async function call<T>(method: string, url: string, body?: unknown, raw?: { bytes: Blob; name: string }): Promise<T> {
  const headers: Record<string, string> = { 'x-nianbao-lang': lang };
  if (method !== 'GET') headers['x-nianbao-token'] = token;
  let payload: BodyInit | undefined;
  if (raw) {
    headers['x-file-name'] = encodeURIComponent(raw.name);
    payload = raw.bytes;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers, body: payload ?? null });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const json = type.includes('json') ? await response.json() : { error: { reason: await response.text() } };
    throw new ApiError(response.status, json?.error?.reason ?? `HTTP ${response.status}`, json);
  }
  if (type.includes('application/pdf')) return (await response.blob()) as T;
  if (type.includes('text/html')) return (await response.text()) as T;
  return (await response.json()) as T;
}

export interface ReportEntry {
  name: string;
  report?: { agency: string | null; year: number | null; edition: string | null; errors: number; warnings: number };
  refused?: string;
}
export interface NotCarried {
  pointer: string;
  label: string;
  reason: string;
}
export interface Opened {
  file: string;
  document: unknown;
  version: string;
  notCarried?: NotCarried[];
}

const q = encodeURIComponent;
export const api = {
  list: () => call<{ reports: ReportEntry[] }>('GET', '/api/reports'),
  read: (file: string) => call<Opened>('GET', `/api/report?file=${q(file)}`),
  version: (file: string) => call<{ version: string | null }>('GET', `/api/version?file=${q(file)}`),
  save: (file: string, document: unknown, version: string | null) =>
    call<{ version: string }>('PUT', '/api/report', { file, document, version }),
  create: (body: { file: string; year: number; edition?: string; from?: string; document?: unknown }) =>
    call<Opened>('POST', '/api/new', body),
  publish: (file: string) => call<{ folder: string; files: string[] }>('POST', '/api/publish', { file }),
  previewHtml: (document: unknown) => call<string>('POST', '/api/preview.html', { document }),
  previewPdf: (document: unknown) => call<Blob>('POST', '/api/preview.pdf', { document }),
  importPage: (file: File) =>
    call<{ document: unknown; unplaced: unknown[] }>('POST', '/api/import', undefined, {
      bytes: file,
      name: file.name,
    }),
};
