// pdfkit ships no types; render-pdf only reaches its PDFDocument class (see pdfkit-fonts.ts).
declare module 'pdfkit' {
  const PDFDocument: unknown;
  export default PDFDocument;
}

// fontkit's types are not installed; fonts.ts declares the little it uses.
declare module 'fontkit' {
  export function create(buffer: Uint8Array): unknown;
}
