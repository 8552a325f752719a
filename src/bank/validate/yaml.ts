/**
 * Step 2: YAML lexed and parsed into a CST with every offset kept, refusing deep
 * nesting while parsing; one document only, YAML 1.2 only, yaml's own syntax errors
 * turned into sentences. The result is the document's YAML tree, positions included.
 */
import { Composer, Lexer, Parser, isScalar, type CST, type LineCounter, type Node as YamlNode, type YAMLError } from 'yaml';
import { BANK_LIMITS } from '../limits.js';
import { lowerFirst } from './describe.js';
import type { ProblemList } from './problems.js';

/**
 * YAML syntax errors reported before the rest are summed up: one broken line can make
 * yaml report every token after it.
 */
const MAX_SYNTAX_ERRORS = 5;

/**
 * The root node of the bank's only document, or undefined after a YAML syntax error
 * (the errors are recorded). Refuses (throws Refused) an empty or too deep file.
 */
export function parseBankYaml(source: string, lines: LineCounter, problems: ProblemList): YamlNode | undefined {
  const tokens = parseCst(source, lines, problems);
  const documents = tokens.filter((t): t is CST.Document => t.type === 'document');

  for (const token of tokens) {
    if (token.type === 'directive' && /^%YAML\b/.test(token.source)) {
      const version = token.source.split(/\s+/)[1] ?? '';
      if (version !== '1.2') {
        problems.at(
          token.offset,
          `the directive "${token.source.trim()}" asks for YAML ${version || '(no version)'}; banks are YAML 1.2, so remove the directive (YAML 1.2 reads yes, no, on and off as text)`,
        );
      }
    }
  }
  if (documents.length > 1) {
    const second = documents[1]!;
    const marker = second.start.find((t) => t.type === 'doc-start');
    problems.at(
      marker?.offset ?? second.offset,
      `a bank file holds one YAML document; found ${documents.length}, so remove this "---" and what follows (or put each bank in a file of its own)`,
    );
  }
  const first = documents[0];
  if (first === undefined) problems.refuse(0, emptyMessage('the file is empty'));
  checkDepth(first, problems);

  // Duplicate keys are found by the conversion below: yaml's own check (uniqueKeys) takes
  // time quadratic in the number of keys of a mapping.
  const composer = new Composer({ keepSourceTokens: true, uniqueKeys: false, merge: false, strict: true, prettyErrors: false });
  // Only the first document is composed: the tokens before the second one, less the
  // directives that belong to it.
  let end = documents.length > 1 ? tokens.indexOf(documents[1]!) : tokens.length;
  while (end > 0 && tokens[end - 1]!.type === 'directive' && documents.length > 1) end--;
  const composed = Array.from(composer.compose(tokens.slice(0, end)));
  const doc = composed[0];
  if (!doc) problems.refuse(0, emptyMessage('the file is empty'));

  // Unresolved tags are reported with every other tag by the conversion below.
  const errors = [...doc.errors, ...doc.warnings].filter((e) => e.code !== 'TAG_RESOLVE_FAILED').sort((a, b) => a.pos[0] - b.pos[0]);
  for (const error of errors.slice(0, MAX_SYNTAX_ERRORS)) problems.at(error.pos[0], yamlErrorMessage(error));
  if (errors.length > MAX_SYNTAX_ERRORS) {
    const more = errors.length - MAX_SYNTAX_ERRORS;
    problems.at(
      errors[MAX_SYNTAX_ERRORS]!.pos[0],
      `${more} more YAML ${more === 1 ? 'error follows' : 'errors follow'}, most likely caused by the ones before; fix those and validate again`,
    );
  }
  // After a syntax error yaml's guess at the structure would mislead the checks below.
  if (errors.length > 0) return undefined;

  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && root.value === null && !root.tag)) {
    problems.refuse(first.offset, emptyMessage('the document is empty'));
  }
  return root;
}

function emptyMessage(what: string): string {
  return `${what}; a bank needs the keys id, title, version, description, language, dimensions and questions`;
}


/**
 * Lexes and parses into CST tokens, refusing to go on once the nesting gets far deeper
 * than any bank needs: yaml's parser slows down and its composer can exhaust memory on
 * thousands of nested levels, long before the 2 MB size limit.
 */
function parseCst(source: string, lines: LineCounter, problems: ProblemList): CST.Token[] {
  // Lines are counted from the text itself: the parser reports no line breaks inside
  // the tokens it could not make sense of, which would shift every later position.
  lines.addNewLine(0);
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const parser = new Parser();
  const stack = () => (parser as unknown as { stack?: unknown[] }).stack?.length ?? 0;
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(source, false)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (stack() > BANK_LIMITS.maxDepth + 8) problems.refuse(parser.offset, depthMessage());
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

export function depthMessage(): string {
  return `the YAML nests deeper than ${BANK_LIMITS.maxDepth} levels here; a bank needs 6 at most, so flatten this part`;
}

/** Refuses a document whose lists and mappings nest deeper than the limit (an explicit stack: no recursion). */
function checkDepth(document: CST.Document, problems: ProblemList): void {
  const todo: Array<[CST.Token | null | undefined, number]> = [[document.value, 0]];
  while (todo.length > 0) {
    const [token, depth] = todo.pop()!;
    if (!token) continue;
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > BANK_LIMITS.maxDepth) problems.refuse(token.offset, depthMessage());
      for (const item of token.items) {
        todo.push([item.value, depth + 1]);
        if ('key' in item) todo.push([item.key, depth + 1]);
      }
    }
  }
}

/** yaml's own error, as a sentence naming the fix. */
function yamlErrorMessage(error: YAMLError): string {
  const text = lowerFirst(error.message.replace(/\s*\n[\s\S]*$/, '').replace(/\.$/, ''));
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'BAD_DIRECTIVE':
      return `${text}; remove the directive`;
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
    case 'ALIAS_PROPS':
      return `${text}; remove the extra anchor or tag`;
    case 'KEY_OVER_1024_CHARS':
      return 'a key is longer than 1024 characters; use one of the keys a bank knows';
    default:
      return `YAML syntax error: ${text}; fix the YAML here`;
  }
}
