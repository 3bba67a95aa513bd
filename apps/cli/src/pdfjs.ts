/**
 * What the build bundles into dist/pdfjs.cjs (loaded by ./pdfjs-loader.ts only): pdfjs-dist's legacy
 * build, which runs on Node 20, and its worker module. Import nothing from here directly.
 */
export * from 'pdfjs-dist/legacy/build/pdf.mjs';
export * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
