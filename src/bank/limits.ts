/**
 * The limits that keep a hostile bank file from exhausting memory or time. A module of
 * its own so that reading a bank (src/bank/files.ts) does not load the validator.
 */
export const BANK_LIMITS = {
  /** Largest bank file, in bytes; checked before parsing. */
  maxBytes: 2 * 1024 * 1024,
  /** Deepest nesting of lists and mappings (a bank itself needs 6). */
  maxDepth: 64,
  /** Most aliases (`*name`) in one file. */
  maxAliases: 100,
  /** Most values aliases may add to the file once resolved (an alias bomb adds billions). */
  maxExpandedValues: 100_000,
} as const;
