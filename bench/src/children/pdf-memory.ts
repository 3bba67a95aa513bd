/**
 * Heap and RSS over many consecutive PDFs in one process (run with --expose-gc). Usage:
 * pdf-memory.js <count> <sampleEvery>. Renders generated reports of both editions in turn; every
 * `sampleEvery` documents it forces a full GC and records heapUsed / external / RSS. Prints one JSON line.
 */
import { renderPdf } from '@nianbao/render-pdf';
import { generatedReport } from '../data.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const count = Number(process.argv[2] ?? 1000);
const every = Number(process.argv[3] ?? 10);
// A pool of distinct reports, reused in turn, so generating them is not part of the measure.
const reports = Array.from({ length: 50 }, (_, i) => generatedReport(i));

const samples: { docs: number; heapUsed: number; external: number; arrayBuffers: number; rss: number }[] = [];
const times: number[] = [];
const sample = (docs: number) => {
  gc();
  const m = process.memoryUsage();
  samples.push({ docs, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss });
};
let bytes = 0;
for (let i = 0; i < count; i++) {
  const start = process.hrtime.bigint();
  bytes += (await renderPdf(reports[i % reports.length]!)).byteLength;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  // The first sample after the first document: fonts and modules are loaded by then.
  if (i === 0 || (i + 1) % every === 0) sample(i + 1);
}
process.stdout.write(`${JSON.stringify({ count, every, bytes, times, samples })}\n`);
