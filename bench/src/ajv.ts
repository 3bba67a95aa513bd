/** Ajv 2020 with nianbao's JSON Schema, as a portal in another language or stack would use it. */
import Ajv2020Module from 'ajv/dist/2020.js';
import { EDITIONS, schemaFor, type Edition } from '@nianbao/template';

// ajv/dist/2020.js is CommonJS: under NodeNext its default import is the module object, whose
// `default` is the class.
const Ajv2020 = Ajv2020Module.default;

/** The schema's annotation keywords, declared so that strict mode accepts them. */
export const ANNOTATION_KEYWORDS = ['x-edition', 'x-order', 'x-row', 'x-corner', 'x-columnHeader', 'x-rowHeader'];

function newAjv(options: { allErrors: boolean }) {
  const ajv = new Ajv2020({ strict: true, allErrors: options.allErrors });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

/** One edition's schema compiled by a fresh Ajv. `allErrors: true` is like nianbao, which reports every problem. */
export function ajvValidator(edition: Edition, options: { allErrors: boolean }): (document: unknown) => boolean {
  const validate = newAjv(options).compile(schemaFor(edition));
  return (document) => validate(document) as boolean;
}

/** One compiled validator per edition (compiled once, reused for every call). */
export function ajvValidators(options: { allErrors: boolean }): Record<Edition, (document: unknown) => boolean> {
  const ajv = newAjv(options);
  const out = {} as Record<Edition, (document: unknown) => boolean>;
  for (const edition of EDITIONS) {
    const validate = ajv.compile(schemaFor(edition));
    out[edition] = (document) => validate(document) as boolean;
  }
  return out;
}
