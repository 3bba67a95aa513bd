// Injected by esbuild into the CommonJS files of dist/ (scripts/build.mjs): `import.meta.url` of the
// TypeScript sources becomes the URL of the built file itself.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
