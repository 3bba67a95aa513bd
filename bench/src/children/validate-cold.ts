/**
 * One cold validation sample: a fresh process reads a report's JSON text and validates it once with
 * one method. Prints its own timings as one JSON line. Usage: validate-cold.js <nianbao|ajv|json-parse> <file.json>
 */
import { readFileSync } from 'node:fs';

// performance.now() counts from the process's time origin, so this is Node's own start-up.
const bootMs = performance.now();
const [method, file] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8');

let importMs = 0;
let setupMs = 0;
let firstCallMs = 0;
let ok: boolean;

if (method === 'nianbao') {
  let t = performance.now();
  const { validateReport } = await import('@nianbao/validator');
  importMs = performance.now() - t;
  const document = JSON.parse(text);
  t = performance.now();
  ok = validateReport(document).valid;
  firstCallMs = performance.now() - t;
} else if (method === 'ajv') {
  let t = performance.now();
  // Ajv itself and the schema files (@nianbao/template), as another stack would load them.
  const { ajvValidator } = await import('../ajv.js');
  importMs = performance.now() - t;
  const document = JSON.parse(text) as { edition: '2019' | '2021' };
  t = performance.now();
  const validate = ajvValidator(document.edition, { allErrors: true });
  setupMs = performance.now() - t;
  t = performance.now();
  ok = validate(document) === true;
  firstCallMs = performance.now() - t;
} else if (method === 'json-parse') {
  const t = performance.now();
  ok = typeof JSON.parse(text) === 'object';
  firstCallMs = performance.now() - t;
} else {
  throw new Error(`unknown method ${method}`);
}

process.stdout.write(
  `${JSON.stringify({ method, ok, bootMs, importMs, setupMs, firstCallMs, totalMs: performance.now() })}\n`,
);
