/**
 * A report served in traditional characters (總體情況, 申請人情況, 規章): mirror sites convert the pages they
 * copy, and a portal finds those copies. The government published it in simplified characters, so the
 * whole document is read back in simplified ones (OpenCC's Taiwan → mainland tables, phrase by phrase),
 * with a warning saying so; a document in simplified characters is left exactly as it is.
 */
import { onDemand } from './on-demand.js';
import type { Block, SourceDocument } from './source.js';
import type { ImportWarning } from './types.js';

type OpenCC = typeof import('opencc-js/t2cn');
const openCC = onDemand<OpenCC>('opencc-js/t2cn');

type Convert = (text: string) => string;
let converter: Convert | undefined;

function convert(text: string): string {
  if (!converter) {
    const lib = openCC();
    converter = lib.Converter({ from: 'tw', to: 'cn' }) as Convert;
  }
  return converter(text);
}

/** Characters looked at to tell the script: a report's first pages say it. */
const SAMPLE = 4000;
/** Share of the sample's Chinese characters that differ in simplified script: a traditional text. */
const TRADITIONAL_SHARE = 0.05;

function blockText(block: Block): string {
  return block.kind === 'line' ? block.text : block.rows.map((row) => row.cells.map((c) => c.text).join('')).join('');
}

/**
 * Frequent characters of these reports that exist only in traditional script (們 這 為 …資訊 報告 複議):
 * a sample without any of them is simplified, and OpenCC's tables (tens of milliseconds to load) are
 * not needed to say so.
 */
const TRADITIONAL_ONLY =
  /[們這為與會發關開時說經對國處務證記應報據實體總請義當過還問業選點電話數資訊條規種類統計號級區縣鄉鎮辦決復議訴訟結轉審費門網頁]/u;

/** Whether a text is written in traditional characters (from a sample of its Chinese characters). */
function traditionalSample(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.length < 20 || !TRADITIONAL_ONLY.test(sample)) return false;
  const simplified = convert(sample);
  if (simplified.length !== sample.length) return true;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] !== simplified[i]) changed++;
  return changed / sample.length >= TRADITIONAL_SHARE;
}

const han = (text: string): string => text.replace(/[^\p{Script=Han}]/gu, '');

/** Whether the document is written in traditional characters (from a sample of its text). */
export function isTraditional(source: SourceDocument): boolean {
  let sample = '';
  for (const block of source.blocks) {
    sample += han(blockText(block));
    if (sample.length >= SAMPLE) break;
  }
  return traditionalSample(sample);
}

const WARNING: ImportWarning = {
  code: 'script-converted',
  message: {
    zh: '全文为繁体字（多为镜像网站转换），已转换为简体字后读取；导入的文字为简体。',
    en: 'The whole text is in traditional characters (usually a mirror site’s conversion); it was converted to simplified characters and read; the imported text is in simplified characters.',
  },
};

/**
 * A page's text in simplified characters when it is written in traditional ones (before it is read:
 * headings and labels are recognised by their simplified words), and the warning saying so.
 */
export function simplifiedText(text: string): { text: string; warnings: ImportWarning[] } {
  // The first characters decide: a sample of the start, not the whole of a very large page.
  if (!traditionalSample(han(text.slice(0, SAMPLE * 8)))) return { text, warnings: [] };
  return { text: convert(text), warnings: [{ ...WARNING }] };
}

function simplifiedBlock(block: Block): Block {
  if (block.kind === 'line') return { ...block, text: convert(block.text) };
  return {
    ...block,
    rows: block.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({ ...cell, text: convert(cell.text) })),
      ...(row.raw !== undefined ? { raw: convert(row.raw) } : {}),
    })),
    asLines: block.asLines.map((line) => ({ ...line, text: convert(line.text) })),
  };
}

/** The document in simplified characters when it is written in traditional ones, with the warning. */
export function simplifiedSource(source: SourceDocument, warnings: ImportWarning[]): SourceDocument {
  if (!isTraditional(source)) return source;
  warnings.push({ ...WARNING });
  return {
    ...source,
    blocks: source.blocks.map(simplifiedBlock),
    ...(source.title !== undefined ? { title: convert(source.title) } : {}),
  };
}
