/**
 * Every output of a report that has been read and checked, rendered in memory. Nothing is written
 * here: a caller writes the files (see ./atomic.ts) only when all of them rendered, so a renderer
 * failure leaves the output folder as it was. `nianbao build` and the publishing app (`nianbao
 * serve`) both go through this function, so a report published from the app is byte for byte what
 * `build` writes. Renderers are imported on first use: validation alone loads none of them.
 */
import type { Report } from '@nianbao/template';

export const FORMATS = ['html', 'pdf', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** File names inside a report's output folder. */
export const OUTPUT_FILES = {
  html: ['index.html', 'fragment.html', 'fragment-inline.html'],
  pdf: ['report.pdf'],
  json: ['report.json', 'report.csv', 'datapackage.json'],
} as const satisfies Record<Format, readonly string[]>;

export interface OutputFile {
  name: string;
  data: Uint8Array | string;
}

export interface RenderOptions {
  formats?: readonly Format[];
  /** PDF/A-2b instead of a plain PDF. */
  pdfa?: boolean;
  lang?: 'zh' | 'en';
  /** The edition's schema patched by local extensions (@nianbao/extension): added rows are rendered and declared. */
  schema?: import('@nianbao/template').JsonSchema;
  /** The extensions applied (name, version), declared in the data package. */
  extensions?: { name: string; version: string }[];
  /** The office's PDF font file per role (nianbao.config.json / --fonts), checked by the caller. */
  fonts?: import('@nianbao/render-pdf').FontRoles;
}

export type RenderResult = { ok: true; files: OutputFile[] } | { ok: false; reason: string };

/**
 * The most report text (characters of the preface and sections) a PDF is made for. react-pdf lays text
 * out character by character: about a quarter of a second and 2 MB per 1,000 characters on a busy
 * 2-core machine, so a report at the 20 MB input limit would take an hour and run out of memory. A real
 * report has 5,000–50,000 characters; HTML and open data have no such bound.
 */
export const MAX_PDF_TEXT = 200_000;

export function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textLength(item), 0);
  if (value !== null && typeof value === 'object')
    return Object.values(value).reduce((sum: number, item) => sum + textLength(item), 0);
  return 0;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** The reason a PDF is not made for this report (too much text), or undefined. */
export function pdfRefusal(report: Report, lang: 'zh' | 'en' = 'zh'): string | undefined {
  const length = textLength(report.preface) + textLength(report.sections);
  if (length <= MAX_PDF_TEXT) return undefined;
  return lang === 'zh'
    ? `报告正文共 ${length} 字，超过生成 PDF 的上限 ${MAX_PDF_TEXT} 字（年报一般不超过 5 万字）；可用 --formats html,json 只生成其他输出。`
    : `the report's text has ${length} characters, more than the ${MAX_PDF_TEXT} a PDF is made for (a report usually has under 50,000); build the other outputs with --formats html,json.`;
}

/**
 * Renders the requested outputs of a report that has no errors (the caller validated it). A failure
 * is one line of reason, never a throw.
 */
export async function renderOutputs(report: Report, options: RenderOptions = {}): Promise<RenderResult> {
  const formats = options.formats ?? FORMATS;
  const lang = options.lang ?? 'zh';
  if (formats.includes('pdf')) {
    const refusal = pdfRefusal(report, lang);
    if (refusal) return { ok: false, reason: refusal };
  }
  const files: OutputFile[] = [];
  try {
    if (formats.includes('html')) {
      const { renderHtmlPage, renderHtmlFragment } = await import('@nianbao/render-html');
      // The page links to the files written beside it (its preface promises a download).
      const data = formats.includes('json');
      const downloads = {
        pdf: formats.includes('pdf') ? 'report.pdf' : undefined,
        csv: data ? 'report.csv' : undefined,
        json: data ? 'report.json' : undefined,
      };
      const schema = options.schema;
      files.push(
        { name: 'index.html', data: renderHtmlPage(report, { schema, downloads }) },
        { name: 'fragment.html', data: renderHtmlFragment(report, { schema }) },
        // For a CMS that strips <style>: every element's look inline.
        { name: 'fragment-inline.html', data: renderHtmlFragment(report, { schema, inlineStyles: true }) },
      );
    }
    if (formats.includes('json')) {
      const { toOpenData } = await import('@nianbao/open-data');
      const data = toOpenData(report, { baseName: 'report', schema: options.schema, extensions: options.extensions });
      files.push(
        { name: data.files.json, data: data.json },
        { name: data.files.csv, data: data.csv },
        { name: 'datapackage.json', data: data.datapackage },
      );
    }
    if (formats.includes('pdf')) {
      const { renderPdf } = await import('@nianbao/render-pdf');
      files.push({
        name: 'report.pdf',
        data: await renderPdf(report, { pdfa: options.pdfa === true, schema: options.schema, fonts: options.fonts }),
      });
    }
  } catch (error) {
    const stage =
      lang === 'zh' ? '生成输出时出错（内部错误，请报告）' : 'rendering failed (internal error, please report it)';
    return { ok: false, reason: `${stage}: ${firstLine(error)}` };
  }
  return { ok: true, files };
}
