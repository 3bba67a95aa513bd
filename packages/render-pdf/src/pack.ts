/**
 * pdfkit writes every object as plain text, one after another, with a classic cross-reference table.
 * Most of a report's objects are small dictionaries (pages, font widths, outline entries, and in a
 * tagged PDF one structure element per table cell: ~600 of them, about 40 KB). This rewrites the file
 * with those objects packed into compressed object streams and a compressed cross-reference stream
 * (PDF 1.5, ISO 32000-1 §7.5.7–7.5.8; allowed by PDF/A-2). Streams (fonts, pages' content, the ICC
 * profile, XMP) are copied byte for byte, object numbers stay, so the pages are drawn exactly as before.
 *
 * Only the shape pdfkit writes is rewritten (one xref subsection from object 0, generation 0, no
 * encryption); anything else is returned as it was.
 */
import { deflateSync } from 'node:zlib';

/** Objects per object stream: readers parse a stream's header whole to find one object. */
const PER_STREAM = 200;

interface Parsed {
  header: string;
  offsets: (number | undefined)[];
  xrefAt: number;
  trailer: string;
}

function parse(text: string): Parsed | undefined {
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!end) return undefined;
  const xrefAt = Number(end[1]);
  const table = /^xref\s+0 (\d+)\s+/.exec(text.slice(xrefAt, xrefAt + 40));
  if (!table) return undefined;
  const count = Number(table[1]);
  const entries = xrefAt + table[0].length;
  const offsets: (number | undefined)[] = [];
  for (let id = 0; id < count; id++) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(entries + 20 * id, entries + 20 * id + 18));
    if (!entry) return undefined;
    if (entry[3] === 'n' && entry[2] !== '00000') return undefined;
    offsets.push(entry[3] === 'n' ? Number(entry[1]) : undefined);
  }
  const trailer = /^trailer\s*<<([\s\S]*)>>\s*startxref/.exec(text.slice(entries + 20 * count));
  if (!trailer || /\/(Encrypt|Prev)\b/.test(trailer[1]!)) return undefined;
  const header = /^%PDF-1\.(\d)\r?\n(%[^\n]*\n)?/.exec(text);
  if (!header) return undefined;
  return { header: header[0], offsets, xrefAt, trailer: trailer[1]! };
}

/** The body of each object (between `N 0 obj` and `endobj`), or undefined when the file is not as expected. */
function bodies(text: string, parsed: Parsed): (string | undefined)[] | undefined {
  const starts = parsed.offsets
    .map((offset, id) => ({ id, offset }))
    .filter((o): o is { id: number; offset: number } => o.offset !== undefined)
    .sort((a, b) => a.offset - b.offset);
  const out: (string | undefined)[] = parsed.offsets.map(() => undefined);
  for (const [index, { id, offset }] of starts.entries()) {
    const next = starts[index + 1]?.offset ?? parsed.xrefAt;
    const slice = text.slice(offset, next);
    const head = `${id} 0 obj`;
    const close = slice.lastIndexOf('endobj');
    if (!slice.startsWith(head) || close < 0) return undefined;
    out[id] = slice.slice(head.length, close).trim();
  }
  return out;
}

/** Bytes of a latin1 string (PDF syntax is bytes; latin1 maps each one to one code unit). */
const bytes = (s: string) => Buffer.from(s, 'latin1');

export function packObjects(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const parsed = parse(text);
  const objects = parsed && bodies(text, parsed);
  if (!parsed || !objects) return pdf;
  const version = Math.max(5, Number(/^%PDF-1\.(\d)/.exec(parsed.header)![1]));
  const header = parsed.header.replace(/^%PDF-1\.\d/, `%PDF-1.${version}`);
  const chunks: Buffer[] = [bytes(header)];
  let at = chunks[0]!.length;
  const write = (id: number, body: string | Buffer) => {
    const chunk = Buffer.concat([
      bytes(`${id} 0 obj\n`),
      typeof body === 'string' ? bytes(body) : body,
      bytes('\nendobj\n'),
    ]);
    entries[id] = { type: 1, a: at, b: 0 };
    chunks.push(chunk);
    at += chunk.length;
  };
  type Entry = { type: 0 | 1 | 2; a: number; b: number };
  const entries: Entry[] = [];
  const packed: number[] = [];
  // Streams as they were, in their order; the rest into object streams.
  objects.forEach((body, id) => {
    if (body === undefined) return;
    if (/endstream$/.test(body)) write(id, body);
    else packed.push(id);
  });
  let next = objects.length;
  for (let from = 0; from < packed.length; from += PER_STREAM) {
    const ids = packed.slice(from, from + PER_STREAM);
    const stream = next++;
    let offset = 0;
    const index: string[] = [];
    const parts: string[] = [];
    ids.forEach((id, i) => {
      index.push(`${id} ${offset}`);
      const part = `${objects[id]}\n`;
      parts.push(part);
      offset += part.length;
      entries[id] = { type: 2, a: stream, b: i };
    });
    const first = `${index.join(' ')}\n`;
    const data = deflateSync(bytes(first + parts.join('')));
    write(
      stream,
      Buffer.concat([
        bytes(
          `<<\n/Type /ObjStm\n/N ${ids.length}\n/First ${first.length}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`,
        ),
        data,
        bytes('\nendstream'),
      ]),
    );
  }
  // The cross-reference stream: type, field 2 (4 bytes), field 3 (2 bytes) per object.
  const xref = next;
  entries[xref] = { type: 1, a: at, b: 0 };
  const rows = Buffer.alloc(7 * (xref + 1));
  for (let id = 0; id <= xref; id++) {
    const entry = entries[id] ?? { type: 0, a: 0, b: id === 0 ? 65535 : 0 };
    rows.writeUInt8(entry.type, 7 * id);
    rows.writeUInt32BE(entry.a, 7 * id + 1);
    rows.writeUInt16BE(entry.b, 7 * id + 5);
  }
  const data = deflateSync(rows);
  const keep = parsed.trailer.replace(/\/Size\s+\d+/, '').trim();
  const dictionary = `<<\n/Type /XRef\n/Size ${xref + 1}\n/W [1 4 2]\n${keep}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`;
  const start = at;
  write(xref, Buffer.concat([bytes(dictionary), data, bytes('\nendstream')]));
  chunks.push(bytes(`startxref\n${start}\n%%EOF\n`));
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
