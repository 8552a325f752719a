/**
 * How a bank names what it assesses and its exposure levels: "journey"/"journeys" and
 * "level 3" unless the bank says otherwise (`scope:`, `levels:`). The screens, the report
 * and the exports take their words from here. Pure: no I/O.
 */
import type { Bank, ScopeNamesInput } from './bank-schema.js';

/** What an assessment's scopes are called, one and several, as written mid-sentence. */
export interface ScopeNames {
  singular: string;
  plural: string;
}

export const DEFAULT_SCOPE_NAMES: ScopeNames = { singular: 'journey', plural: 'journeys' };

/** What a bank calls what it assesses and its levels' names (null: it names none), for a text that shows both. */
export interface BankWords {
  scope: ScopeNames;
  levels: readonly string[] | null;
}

/** The words of a bank that names neither: journeys, and "level 3". */
export const DEFAULT_BANK_WORDS: BankWords = { scope: DEFAULT_SCOPE_NAMES, levels: null };

/** The usual English plural: team -> teams, policy -> policies, branch -> branches. */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The names a bank's `scope` gives, or the default. */
export function scopeNamesOf(bank: { scope?: ScopeNamesInput | undefined }): ScopeNames {
  const scope = bank.scope;
  if (scope === undefined) return DEFAULT_SCOPE_NAMES;
  if (typeof scope === 'string') return { singular: scope, plural: pluralOf(scope) };
  return { singular: scope.singular, plural: scope.plural ?? pluralOf(scope.singular) };
}

/**
 * Text written with the default words ("journey", "journeys", "Journey"), in the bank's:
 * the key table and its help are written once, for every bank.
 */
export function inScopeWords(text: string, names: ScopeNames): string {
  if (names.singular === DEFAULT_SCOPE_NAMES.singular && names.plural === DEFAULT_SCOPE_NAMES.plural) return text;
  return text.replace(/\b(?:([Aa]) )?([Jj])ourney(s?)\b/g, (_, a: string | undefined, j: string, s: string) => {
    const word = s ? names.plural : names.singular;
    const named = j === 'J' ? capitalised(word) : word;
    if (a === undefined) return named;
    // "a journey" -> "an application": the article follows the new word's sound, as far as its first letter tells.
    const article = s ? a : /^[aeiou]/i.test(word) ? `${a}n` : a;
    return `${article} ${named}`;
  });
}

/** "a journey", "an application": the word with its indefinite article (as far as its first letter tells). */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** A name at the start of a sentence or as a heading: "team" -> "Team". */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "1 team", "3 teams". */
export function countOf(n: number, names: ScopeNames): string {
  return `${n} ${n === 1 ? names.singular : names.plural}`;
}

/** The bank's names for the five levels, or null when it gives none. */
export function levelNamesOf(bank: Pick<Bank, 'levels'>): readonly string[] | null {
  return bank.levels ?? null;
}

/**
 * A level as the user reads it: "level 3" when the bank names no levels; with names,
 * the name and the level on the exposure scale: "Ad hoc (exposure 3 of 4)", so that a
 * maturity bank's names are not read against cxray's numbers.
 */
export function levelWords(level: number, names: readonly string[] | null | undefined): string {
  const name = names?.[level];
  return name === undefined ? `level ${level}` : `${name} (exposure ${level} of 4)`;
}

/**
 * A level among other facts, as in "(level 3, reported)": "level 3" when the bank names no
 * levels, else "Ad hoc, exposure 3 of 4".
 */
export function levelDetail(level: number, names: readonly string[] | null | undefined): string {
  const name = names?.[level];
  return name === undefined ? `level ${level}` : `${name}, exposure ${level} of 4`;
}

/** The exposed levels in prose: "level 3 or 4", or with names "“Ad hoc” or “None” (exposure 3 or 4)". */
export function exposedLevelsWords(names: readonly string[] | null | undefined): string {
  if (!names) return 'level 3 or 4';
  return `“${names[3]}” or “${names[4]}” (exposure 3 or 4)`;
}
