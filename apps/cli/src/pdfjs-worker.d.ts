// pdfjs-dist ships no types for its worker module; ./pdfjs.ts re-exports it whole.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
