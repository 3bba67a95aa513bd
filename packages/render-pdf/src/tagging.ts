/**
 * A tagged PDF (a structure tree, PDF 1.7 §14.7–14.8): what a screen reader reads, and what "reflow" and
 * copying a table use. react-pdf 4.9 does not tag: it creates pdfkit's PDFDocument without `tagged` and
 * draws `Text`/`View` nodes without marked content. But pdfkit 0.20 underneath has the whole API
 * (`markStructureContent`, `endMarkedContent`, `struct`, `addStructure`, `markContent('Artifact')`), and
 * nianbao draws every text itself on canvases, so it tags what it draws: each paint function wraps its
 * text in marked content and adds it to a structure element (Document > H1 title, H2 一、 headings, H3
 * （一） headings, P paragraphs, Table > TR > TH/TD), and marks rules, page numbers and repeated table
 * headers as artifacts.
 *
 * react-pdf's painter forwards only drawing methods, so the document is taken where react-pdf calls
 * pdfkit's `save()` just before every `paint` (render is synchronous: no other document can come between).
 */
import PDFDocument from 'pdfkit';

interface StructElement {
  add(child: unknown): StructElement;
  dictionary: { data: Record<string, unknown> };
}
interface TaggingDocument {
  markStructureContent(tag: string): unknown;
  markContent(tag: string, options?: Record<string, unknown> | null): unknown;
  endMarkedContent(): unknown;
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(element: StructElement): unknown;
  getMarkInfoDictionary(): { data: Record<string, unknown> };
}
interface Tree {
  root: StructElement;
  elements: Map<string, { element: StructElement; drawn: boolean }>;
}

const PATCHED = Symbol.for('nianbao.render-pdf.tagging');
let current: TaggingDocument | undefined;
const trees = new WeakMap<TaggingDocument, Tree>();

/** Remembers the document being drawn (react-pdf saves the graphics state before each canvas). */
export function watchDocuments(): void {
  const prototype = (
    PDFDocument as unknown as { prototype: { save: ((...args: unknown[]) => unknown) & { [PATCHED]?: true } } }
  ).prototype;
  if (typeof prototype.save !== 'function' || prototype.save[PATCHED]) return;
  const original = prototype.save;
  const save = function (this: TaggingDocument, ...args: unknown[]) {
    current = this;
    return original.apply(this, args);
  };
  (save as typeof save & { [PATCHED]?: true })[PATCHED] = true;
  prototype.save = save;
}

/**
 * Makes the document being drawn a tagged PDF: called by the first canvas of a document that asks for it
 * (each of a report's ~430 table cells is an indirect object: about 40 KB as pdfkit writes them, 9 KB
 * once packed into object streams, pack.ts). In other documents `tagged` and `artifact` only draw.
 */
export function startTagging(): void {
  const doc = current;
  if (!doc || trees.has(doc)) return;
  doc.getMarkInfoDictionary().data.Marked = true;
  const root = doc.struct('Document');
  doc.addStructure(root);
  trees.set(doc, { root, elements: new Map() });
}

/** A structure element, created on first use under its parent (the document when none). */
export interface Tag {
  type: string;
  /** Unique in the document: content drawn under the same key goes to the same element. */
  key: string;
  parent?: Tag;
  /** Table attributes (PDF 1.7 §14.8.5.7). */
  rowSpan?: number;
  colSpan?: number;
  scope?: 'Row' | 'Column';
}

function elementFor(tree: Tree, doc: TaggingDocument, tag: Tag): { element: StructElement; drawn: boolean } {
  const { root, elements } = tree;
  let entry = elements.get(tag.key);
  if (!entry) {
    const element = doc.struct(tag.type);
    const attributes: Record<string, unknown> = {};
    if (tag.rowSpan && tag.rowSpan > 1) attributes.RowSpan = tag.rowSpan;
    if (tag.colSpan && tag.colSpan > 1) attributes.ColSpan = tag.colSpan;
    if (tag.scope) attributes.Scope = tag.scope;
    if (Object.keys(attributes).length > 0) element.dictionary.data.A = { O: 'Table', ...attributes };
    (tag.parent ? elementFor(tree, doc, tag.parent).element : root).add(element);
    entry = { element, drawn: false };
    elements.set(tag.key, entry);
  }
  return entry;
}

/** Creates the element now (and its parents), so that it keeps its place among its siblings. */
export function reserve(tag: Tag): void {
  const tree = current && trees.get(current);
  if (current && tree) elementFor(tree, current, tag);
}

/**
 * Draws content as part of an element. With `once`, content drawn again under the same key (a `fixed`
 * canvas repeated on the next page: the table header) is an artifact, not read twice.
 */
export function tagged(tag: Tag, draw: () => void, { once = false }: { once?: boolean } = {}): void {
  const doc = current;
  const tree = doc && trees.get(doc);
  if (!doc || !tree) {
    draw();
    return;
  }
  const entry = elementFor(tree, doc, tag);
  if (once && entry.drawn) {
    artifact(draw, 'Pagination');
    return;
  }
  const content = doc.markStructureContent(tag.type);
  draw();
  doc.endMarkedContent();
  entry.element.add(content);
  entry.drawn = true;
}

/** Draws what is not content (rules, page numbers, repeated headers): skipped by readers. */
export function artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
  const doc = current;
  if (!doc || !trees.has(doc)) {
    draw();
    return;
  }
  doc.markContent('Artifact', type ? { type } : null);
  draw();
  doc.endMarkedContent();
}
