/** Bounds that keep hostile or broken input from hanging or exhausting the reader. */
export interface SourceLimits {
  /** Largest file accepted, in bytes. Checked with stat before anything is read. */
  maxBytes: number;
  /** Deepest nesting of objects/arrays (YAML mappings/sequences); the top-level object is depth 1. */
  maxDepth: number;
  /** Longest string (a paragraph, a key), in UTF-16 code units. */
  maxStringLength: number;
  /** Most values (objects, arrays, strings, numbers, …) in one document, counting YAML aliases expanded. */
  maxValues: number;
  /** Most YAML alias uses (`*name`) in one document. A report needs none. */
  maxAliases: number;
}

/**
 * Generous for any real report (about 500 values, nesting depth 8, paragraphs of a few thousand
 * characters) and small enough that reading never takes more than a few hundred MB of memory.
 */
export const DEFAULT_LIMITS: Readonly<SourceLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxDepth: 64,
  maxStringLength: 1_000_000,
  maxValues: 1_000_000,
  maxAliases: 100,
});

export function resolveLimits(limits: Partial<SourceLimits> | undefined): SourceLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** "20 MB" style size for messages. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
