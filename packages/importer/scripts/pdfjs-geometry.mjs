// Injected into dist/pdfjs.cjs by build-pdfjs.mjs in place of the global DOMMatrix, which Node 20 lacks:
// pdfjs-dist's main module makes one on load. It is the class pdfjs-dist's own Node polyfill takes from
// @napi-rs/canvas, from that package's plain-JavaScript file, without loading its native canvas.
export { DOMMatrix } from '@napi-rs/canvas/geometry.js';
