// pdfkit ships no types; render-pdf only reaches its PDFDocument class (see pdfkit-fonts.ts).
declare module 'pdfkit' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
