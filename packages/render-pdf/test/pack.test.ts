/**
 * packObjects: the same document in fewer bytes. A report's PDF is unpacked by qpdf into the classic
 * layout pdfkit writes (every object in plain text, an xref table), packed again, and compared: qpdf
 * accepts it, every object is there with the same value, and the pages draw the same pixels.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../src/index.js';
import { packObjects } from '../src/pack.js';
import { examples } from './examples.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every object's value (streams by their dictionary and decoded data), by object number. */
function objects(file: string): Record<string, unknown> {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json', '--json-key=qpdf', '--decode-level=all', '--json-stream-data=inline', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    }),
  );
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(
    json.qpdf[1] as Record<string, { stream?: { dict: Record<string, unknown> } }>,
  )) {
    if (key === 'trailer') continue;
    // Lengths and filters of streams differ with how they are stored, not what they hold.
    if (value.stream) {
      // The containers themselves: object streams and the cross-reference stream.
      if (value.stream.dict['/Type'] === '/ObjStm' || value.stream.dict['/Type'] === '/XRef') continue;
      const { '/Length': _length, '/Filter': _filter, '/DecodeParms': _parms, ...dict } = value.stream.dict;
      out[key] = { ...value.stream, dict };
    } else out[key] = value;
  }
  return out;
}

const pixels = (file: string) =>
  execFileSync('pdftoppm', ['-r', '50', '-gray', file], { maxBuffer: 1 << 28 }).toString('latin1');

describe.each(examples)('$name', ({ name, report }) => {
  it('packs the small objects into object streams: same objects, same pixels, fewer bytes', async () => {
    const packed = join(dir, `${name}.pdf`);
    const plain = join(dir, `${name}-plain.pdf`);
    const repacked = join(dir, `${name}-repacked.pdf`);
    writeFileSync(packed, await renderPdf(report));
    // The classic layout, as pdfkit writes it.
    execFileSync('qpdf', ['--object-streams=disable', '--stream-data=preserve', packed, plain]);
    const input = readFileSync(plain);
    expect(input.toString('latin1')).toMatch(/\nxref\n0 \d+\n/);
    const output = packObjects(new Uint8Array(input));
    writeFileSync(repacked, output);
    execFileSync('qpdf', ['--check', repacked]);
    const text = Buffer.from(output).toString('latin1');
    expect(text).toContain('/Type /ObjStm');
    expect(text).toContain('/Type /XRef');
    expect(objects(repacked)).toEqual(objects(plain));
    expect(pixels(repacked) === pixels(plain)).toBe(true);
    expect(output.byteLength).toBeLessThan(input.byteLength - 5_000);
  });
});

describe('packObjects', () => {
  it('returns a file that is not as pdfkit writes it unchanged', () => {
    const odd = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'));
    expect(packObjects(odd)).toBe(odd);
  });
});
