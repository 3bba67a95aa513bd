/**
 * "Start from a published report": the importer reads a dropped file (PDF, Word .docx, a web page or
 * text; the kind is read from the bytes) into a draft; what it could not place comes back for the clerk
 * to place (it is also kept in the draft's provenance.unplaced).
 */
import { importFile } from '@nianbao/importer';

type Lang = 'zh' | 'en';

export type PageImport =
  | {
      ok: true;
      document: unknown;
      warnings: { code: string; message: string; at?: string }[];
      unplaced: { text: string; from: string }[];
    }
  | { ok: false; reason: string };

export async function importPage(bytes: Uint8Array, name: string, lang: Lang): Promise<PageImport> {
  const result = await importFile(bytes, name);
  if (!result.ok) return { ok: false, reason: `${name}: ${result.problem.message[lang]}` };
  const provenance = (result.document as { provenance?: { unplaced?: { text: string; from: string }[] } }).provenance;
  return {
    ok: true,
    document: result.document,
    warnings: result.warnings.map((warning) => ({
      code: warning.code,
      message: warning.message[lang],
      ...(warning.at ? { at: warning.at } : {}),
    })),
    unplaced: provenance?.unplaced ?? [],
  };
}
