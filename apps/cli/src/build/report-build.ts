/**
 * Building one report: read → validate → render every requested output in memory. Nothing is written
 * here: the caller writes the files only when the whole report succeeded, so an invalid report or a
 * renderer failure leaves the output folder untouched. Used in-process for one report and by each
 * worker thread of a batch build.
 */
import type { Finding, ValidateOptions } from '@nianbao/validator';
import { loadCore } from '../core-loader.js';
import { applyCliExtensions, loadCliExtensions } from '../extensions.js';
import { fontRolesFor } from '../font-config.js';
import { glyphFindings } from '../glyph-findings.js';
import type { FontRoles } from '@nianbao/render-pdf/coverage';
import type { Lang } from '../output.js';
import type { Format, OutputFile } from '@nianbao/outputs';

export type { Format };
/** The outputs `--formats` names (@nianbao/outputs' FORMATS; the package is loaded only when rendering). */
export const FORMATS = ['html', 'pdf', 'json'] as const satisfies readonly Format[];

export interface BuildRequest {
  path: string;
  formats: readonly Format[];
  pdfa: boolean;
  /** Warnings fail the build too. */
  strict: boolean;
  lang: Lang;
  /** Local extension folders (--extension), applied to every report of an edition they list. */
  extensions?: readonly string[];
  /** `--fonts` values (role=file pairs or a .json config), over the nianbao.config.json beside the report. */
  fonts?: readonly string[];
}

export type LocatedFinding = Finding & { location?: { line: number; column: number } };

export type BuildResult =
  /** Everything rendered; `findings` holds the warnings (and infos) that did not stop it. */
  | { status: 'built'; edition: string; files: OutputFile[]; findings: LocatedFinding[] }
  /** The report has errors (or warnings under --strict): nothing is written. Exit 1. */
  | { status: 'invalid'; edition?: string; findings: LocatedFinding[] }
  /** Could not be read, is not a report, or a renderer failed: one line of reason. Exit 2. */
  | { status: 'failed'; reason: string };

type ExtensionOptions =
  | { ok: true; options: ValidateOptions; applied?: { name: string; version: string }[] }
  | { ok: false; reason: string };

/** The validator's options from the request's extensions, for the report's edition. */
async function extensionOptions(request: BuildRequest, document: unknown): Promise<ExtensionOptions> {
  const folders = request.extensions ?? [];
  const edition = (document as { edition?: unknown } | null)?.edition;
  const { isEdition } = loadCore();
  if (folders.length === 0 || !isEdition(edition)) return { ok: true, options: {} };
  const loaded = await loadCliExtensions(folders, request.lang);
  if (!loaded.ok) return loaded;
  const result = await applyCliExtensions(loaded.extensions, edition, request.lang);
  if (!result.ok) return result;
  const { schema, extraRules, severity, applied } = result.applied;
  return { ok: true, options: { schema, extraRules, severity }, applied };
}

export async function buildReport(request: BuildRequest): Promise<BuildResult> {
  const { readReportFile, formatProblem, validateReport } = loadCore();
  const source = await readReportFile(request.path);
  if (!source.ok)
    return { status: 'failed', reason: formatProblem(source.problem, { file: request.path, lang: request.lang }) };

  const extended = await extensionOptions(request, source.document);
  if (!extended.ok) return { status: 'failed', reason: extended.reason };
  const validation = validateReport(source.document, extended.options);
  // The office's fonts, and the characters the PDF would show as 〓: only when a PDF is built.
  let fonts: FontRoles = {};
  if (validation.edition !== undefined && request.formats.includes('pdf')) {
    const roles = await fontRolesFor(request.path, request.fonts ?? [], request.lang);
    if (!roles.ok) return { status: 'failed', reason: `${request.path}: ${roles.reason}` };
    fonts = roles.fonts;
    validation.findings.push(...(await glyphFindings(source.document, extended.options.schema, fonts)));
  }
  const located: LocatedFinding[] = validation.findings.map((finding) => {
    const at = source.locate(finding.pointer);
    return at ? { ...finding, location: { line: at.line, column: at.column } } : finding;
  });
  if (validation.edition === undefined) {
    const first = located[0];
    const where = first?.location ? `${request.path}:${first.location.line}:${first.location.column}` : request.path;
    const reason =
      first?.message[request.lang] ??
      (request.lang === 'zh' ? '这不是一份年报文档。' : 'This is not a report document.');
    return { status: 'failed', reason: `${where}: ${reason}` };
  }
  const blocking = located.some(
    (finding) => finding.severity === 'error' || (request.strict && finding.severity === 'warning'),
  );
  if (blocking) return { status: 'invalid', edition: validation.edition, findings: located };

  const report = source.document as import('@nianbao/template').Report;
  // Rendering is shared with the publishing app (@nianbao/outputs), so both write the same files.
  const { renderOutputs } = await import('@nianbao/outputs');
  const rendered = await renderOutputs(report, {
    formats: request.formats,
    pdfa: request.pdfa,
    lang: request.lang,
    schema: extended.options.schema,
    extensions: extended.applied,
    fonts,
  });
  if (!rendered.ok) return { status: 'failed', reason: `${request.path}: ${rendered.reason}` };
  const files = rendered.files;
  return { status: 'built', edition: validation.edition, files, findings: located };
}
