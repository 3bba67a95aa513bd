/**
 * A Word .docx as the importer's blocks: word/document.xml read directly (fflate unzips it), its
 * paragraphs as lines and its tables as grids with their merged cells resolved — w:gridSpan (cells
 * merged across) and w:vMerge (merged down: restart, then continue) — as the HTML reader does for
 * colspan/rowspan. Each block records its element path (/w:body/w:tbl[2]/w:tr[5]/w:tc[3]).
 */
import { onDemand } from './on-demand.js';

const fflate = onDemand<typeof import('fflate')>('fflate');
import type { LocalizedText } from '@nianbao/template';
import type { Block, GridCell, Line, SourceDocument, SourceTable } from './source.js';

type DocxReading = { ok: true; source: SourceDocument } | { ok: false; problem: LocalizedText };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

interface Cell {
  text: string;
  span: number;
  /** 'restart' starts a vertical merge, 'continue' continues the one above. */
  vMerge?: 'restart' | 'continue';
  path: string;
}

interface Row {
  cells: Cell[];
  before: number;
  path: string;
}

interface TableState {
  rows: Row[];
  path: string;
  rowCount: number;
}

const attr = (attrs: string, name: string): string | undefined => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];

/** The grid of a table: spans repeated to the right (fromLeft), vertical merges repeated down. */
function grid(table: TableState): SourceTable {
  const rows: SourceTable['rows'] = [];
  const above: (GridCell | undefined)[] = [];
  for (const row of table.rows) {
    const cells: GridCell[] = Array.from({ length: row.before }, () => ({ text: '', origin: true }));
    for (const cell of row.cells) {
      const col = cells.length;
      const continued = cell.vMerge === 'continue' ? above[col] : undefined;
      for (let j = 0; j < cell.span; j++) {
        const text = continued ? continued.text : cell.text;
        const gridCell: GridCell = { text, origin: !continued && j === 0, from: cell.path };
        if (j > 0) gridCell.fromLeft = true;
        cells.push(gridCell);
      }
    }
    cells.forEach((cell, col) => {
      above[col] = cell;
    });
    rows.push({ cells, from: row.path });
  }
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  for (const row of rows) while (row.cells.length < width) row.cells.push({ text: '', origin: true });
  const asLines: Line[] = rows
    .map((row) => ({
      kind: 'line' as const,
      text: row.cells
        .filter((c) => c.origin && c.text !== '')
        .map((c) => c.text)
        .join(' | '),
      from: row.from,
    }))
    .filter((line) => line.text !== '');
  return { kind: 'table', rows, aligned: true, from: table.path, asLines };
}

/** Walks document.xml once: paragraphs at body level become lines, tables grids (nested ones flattened). */
export function documentBlocks(xml: string): Block[] {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let paragraph: string | undefined;
  let cell: Cell | undefined;
  let skip = 0;
  let inText = false;
  let bodyParagraphs = 0;
  let bodyTables = 0;
  const tag = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const [, close, name, attrs = '', selfClose, text] = match;
    if (text !== undefined) {
      if (inText && skip === 0 && paragraph !== undefined) paragraph += decodeXml(text);
      continue;
    }
    const table = tables[tables.length - 1];
    if (name === 'w:del' || name === 'w:instrText' || name === 'w:delText') {
      if (!selfClose) skip += close ? -1 : 1;
      continue;
    }
    if (name === 'w:t') inText = !close && !selfClose;
    else if ((name === 'w:tab' || name === 'w:br') && paragraph !== undefined && !close) paragraph += ' ';
    else if (name === 'w:p' && !close) {
      paragraph = '';
      if (selfClose) paragraph = undefined;
    } else if (name === 'w:p' && close) {
      const content = (paragraph ?? '').replace(/\s+/g, ' ').trim();
      paragraph = undefined;
      if (cell) cell.text += content;
      else if (tables.length === 0) {
        bodyParagraphs++;
        if (content !== '') blocks.push({ kind: 'line', text: content, from: `/w:body/w:p[${bodyParagraphs}]` });
      }
    } else if (name === 'w:tbl' && !close) {
      if (tables.length > 0) continue; // a table inside a cell: its text stays the cell's
      bodyTables++;
      tables.push({ rows: [], path: `/w:body/w:tbl[${bodyTables}]`, rowCount: 0 });
    } else if (name === 'w:tbl' && close && tables.length > 0 && !cell) {
      blocks.push(grid(tables.pop()!));
    } else if (name === 'w:tr' && !close && table && !cell) {
      table.rowCount++;
      table.rows.push({ cells: [], before: 0, path: `${table.path}/w:tr[${table.rowCount}]` });
    } else if (name === 'w:gridBefore' && table && !cell) {
      const row = table.rows[table.rows.length - 1];
      if (row) row.before = Number(attr(attrs, 'w:val') ?? 0) || 0;
    } else if (name === 'w:tc' && table && !close) {
      if (cell) continue;
      const row = table.rows[table.rows.length - 1];
      if (!row) continue;
      cell = { text: '', span: 1, path: `${row.path}/w:tc[${row.cells.length + 1}]` };
      row.cells.push(cell);
    } else if (name === 'w:tc' && close && cell) {
      cell.text = cell.text.trim();
      cell = undefined;
    } else if (name === 'w:gridSpan' && cell) cell.span = Math.max(1, Math.min(64, Number(attr(attrs, 'w:val')) || 1));
    else if (name === 'w:vMerge' && cell) cell.vMerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
  }
  return blocks;
}

export function readDocx(bytes: Uint8Array): DocxReading {
  let files: Record<string, Uint8Array>;
  try {
    files = fflate().unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' });
  } catch (error) {
    return {
      ok: false,
      problem: {
        zh: `Word 文件已损坏，无法解压（${String(error)}）。`,
        en: `The Word file is damaged and cannot be unpacked (${String(error)}).`,
      },
    };
  }
  const xml = files['word/document.xml'];
  if (!xml)
    return {
      ok: false,
      problem: {
        zh: 'Word 文件中没有正文（word/document.xml）。',
        en: 'The Word file has no body (word/document.xml).',
      },
    };
  return { ok: true, source: { blocks: documentBlocks(new TextDecoder('utf-8').decode(xml)), meta: {} } };
}
