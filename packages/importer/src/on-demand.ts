/**
 * Libraries only some inputs need, loaded the first time one does: parse5 (web pages), fflate (.docx),
 * OpenCC (a text in traditional characters), the validator (a row left unread). Loaded with the
 * importer, they cost every import (a PDF's, a text's) about 60 ms of a cold `nianbao import`. The
 * importer's steps are synchronous, as importReport is, so the libraries are required (Node >= 20.19
 * requires an ES module too), not imported.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function giving the module `id`, required on its first call. */
export function onDemand<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(id) as T;
    return loaded;
  };
}
