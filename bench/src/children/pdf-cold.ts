/**
 * The first PDF of a fresh process, as a one-report `nianbao build` sees it. Usage:
 * pdf-cold.js <nianbao|chromium> <file.json>. Prints its timings as one JSON line.
 */
import { readFileSync } from 'node:fs';

const bootMs = performance.now();
const [method, file] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file!, 'utf8'));

let importMs = 0;
let setupMs = 0;
let firstMs = 0;
let bytes = 0;
let t = performance.now();
if (method === 'nianbao') {
  const { renderPdf } = await import('@nianbao/render-pdf');
  importMs = performance.now() - t;
  t = performance.now();
  bytes = (await renderPdf(report)).byteLength;
  firstMs = performance.now() - t;
} else if (method === 'chromium') {
  const { launchPrinter } = await import('../chromium.js');
  const { renderHtmlPage } = await import('@nianbao/render-html');
  importMs = performance.now() - t;
  t = performance.now();
  const printer = await launchPrinter();
  setupMs = performance.now() - t;
  t = performance.now();
  bytes = (await printer.print(renderHtmlPage(report))).byteLength;
  firstMs = performance.now() - t;
  await printer.close();
} else {
  throw new Error(`unknown method ${method}`);
}
process.stdout.write(
  `${JSON.stringify({ method, bootMs, importMs, setupMs, firstMs, bytes, totalMs: performance.now() })}\n`,
);
