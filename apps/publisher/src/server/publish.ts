/**
 * Publishing: what `nianbao build` writes for one report (the same @nianbao/outputs rendering and
 * atomic writing), into <folder>/out/<name>/. A report with errors is refused with its findings
 * listed, and nothing is written, exactly as `build` refuses it.
 */
import { readReportFile, formatProblem } from '@nianbao/source';
import type { Report } from '@nianbao/template';
import { validateReport, type Finding } from '@nianbao/validator';
import { type RenderOptions, removeStaleTempFiles, renderOutputs, writeFilesAtomically } from '@nianbao/outputs';
import { extensionsFor, validateOptionsFor, type ExtensionsByEdition } from '../shared/extensions.js';
import type { Lang } from './store.js';

export type PublishResult =
  | { ok: true; folder: string; files: string[]; warnings: Finding[] }
  | { ok: false; status: 422; reason: string; findings: Finding[] }
  | { ok: false; status: 500; reason: string };

/** What the renderers take from the extensions of a document's edition: added rows shown and declared. */
function renderExtensions(extensions: ExtensionsByEdition, document: unknown) {
  const found = extensionsFor(extensions, document);
  return found ? { schema: found.schema, extensions: found.applied } : {};
}

export async function publishReport(
  path: string,
  name: string,
  outDir: string,
  lang: Lang,
  extensions: ExtensionsByEdition = {},
  fonts: RenderOptions['fonts'] = {},
): Promise<PublishResult> {
  const zh = lang === 'zh';
  const source = await readReportFile(path);
  if (!source.ok)
    return { ok: false, status: 422, reason: formatProblem(source.problem, { file: name, lang }), findings: [] };
  const validation = validateReport(source.document, validateOptionsFor(extensions, source.document));
  const errors = validation.findings.filter((finding) => finding.severity === 'error');
  if (validation.edition === undefined || errors.length > 0) {
    const first = errors[0] ?? validation.findings[0];
    const reason = zh
      ? `${name}：有 ${errors.length} 个错误，未生成任何文件。${first ? `第一个：${first.message.zh}` : ''}`
      : `${name}: ${errors.length} errors; nothing was written.${first ? ` First: ${first.message.en}` : ''}`;
    return { ok: false, status: 422, reason, findings: errors };
  }
  const rendered = await renderOutputs(source.document as Report, {
    lang,
    ...renderExtensions(extensions, source.document),
    fonts,
  });
  if (!rendered.ok) return { ok: false, status: 500, reason: `${name}: ${rendered.reason}` };
  try {
    await removeStaleTempFiles(outDir);
    await writeFilesAtomically(outDir, rendered.files);
  } catch (error) {
    return {
      ok: false,
      status: 500,
      reason: `${outDir}: ${zh ? '无法写入' : 'cannot write'}: ${(error as Error).message}`,
    };
  }
  return {
    ok: true,
    folder: outDir,
    files: rendered.files.map((file) => file.name),
    warnings: validation.findings.filter((finding) => finding.severity === 'warning'),
  };
}

type Preview<T> = ({ ok: true } & T) | { ok: false; reason: string };

/** Why a document the editor holds cannot be laid out yet (not a report, or its structure incomplete). */
function previewRefusal(document: unknown, lang: Lang, extensions: ExtensionsByEdition): string | undefined {
  const validation = validateReport(document, validateOptionsFor(extensions, document));
  if (validation.edition === undefined) return validation.findings[0]?.message[lang] ?? 'not a report';
  const structural = validation.findings.find((finding) => finding.severity === 'error' && finding.ruleId === 'schema');
  if (!structural) return undefined;
  return lang === 'zh'
    ? `报告结构尚不完整，暂无法排版：${structural.message.zh}`
    : `The report is not complete enough to lay out: ${structural.message.en}`;
}

/** The PDF of a document the editor holds (unsaved changes included), rendered as `build` renders it. */
export async function previewPdf(
  document: unknown,
  lang: Lang,
  extensions: ExtensionsByEdition = {},
  fonts: RenderOptions['fonts'] = {},
): Promise<Preview<{ pdf: Uint8Array }>> {
  const refusal = previewRefusal(document, lang, extensions);
  if (refusal) return { ok: false, reason: refusal };
  const rendered = await renderOutputs(document as Report, {
    formats: ['pdf'],
    lang,
    ...renderExtensions(extensions, document),
    fonts,
  });
  if (!rendered.ok) return { ok: false, reason: rendered.reason };
  return { ok: true, pdf: rendered.files[0]!.data as Uint8Array };
}

/** The standalone page of a document the editor holds. */
export async function previewHtml(
  document: unknown,
  lang: Lang,
  extensions: ExtensionsByEdition = {},
): Promise<Preview<{ html: string }>> {
  const refusal = previewRefusal(document, lang, extensions);
  if (refusal) return { ok: false, reason: refusal };
  const rendered = await renderOutputs(document as Report, {
    formats: ['html'],
    lang,
    ...renderExtensions(extensions, document),
  });
  if (!rendered.ok) return { ok: false, reason: rendered.reason };
  return { ok: true, html: rendered.files[0]!.data as string };
}
