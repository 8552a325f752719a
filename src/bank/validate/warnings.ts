/**
 * Step 7: warnings. What a valid bank may still get wrong without meaning to, reported
 * with its place and never a reason to refuse the bank:
 *   - an option at level 4 (fully exposed) that lists no action: the plan offers nothing;
 *   - an option labelled like "not sure" or "not applicable": cxray adds those itself;
 *   - any text that YAML cut at an unquoted " #" (the rest of the line is a comment);
 *   - an option label longer than LONG_LABEL characters (cut in the walk at 80 columns);
 *   - a discovery action whose effort is not S: the model counts every one as S.
 */
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { describeOwner, isPlainObject, printable } from './describe.js';
import type { Locator } from './locate.js';
import type { DataPath, ProblemList } from './problems.js';

/**
 * The longest option label, in characters: the walk draws an option as the pointer and
 * its key ("❯ 1  ", 5 columns) before the label, so at the 80-column minimum a label of
 * 72 keeps a margin of 3 and is never cut.
 */
export const LONG_LABEL = 72;

/** Labels that say "we don't know" or "not applicable" in other words. */
const UNKNOWN_LABEL = /^\W*(?:(?:we|i)\s+)?(?:(?:do\s*n[o']?t|don['’]?t)\s+know|not\s+(?:sure|known|certain)|unsure|unknown|no\s+idea|can['’]?t\s+say|cannot\s+say)\b/i;
const NA_LABEL = /^\W*(?:n\s*\/\s*a|not\s+applicable|does\s+not\s+apply|doesn['’]?t\s+apply)\b/i;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Records every warning of a bank's data (parsed from `root`, the YAML tree of `source`). */
export function checkWarnings(data: Record<string, unknown>, root: YamlNode, source: string, locate: Locator, problems: ProblemList): void {
  warnCuts(root, [], data, source, problems);
  const discoveryOf = new Map<string, string>();

  list(data.questions).forEach((question, q) => {
    if (!isPlainObject(question)) return;
    if (typeof question.discovery === 'string' && !discoveryOf.has(question.discovery)) discoveryOf.set(question.discovery, typeof question.id === 'string' ? question.id : '?');
    list(question.options).forEach((option, o) => {
      if (!isPlainObject(option)) return;
      const path = ['questions', q, 'options', o];
      const owner = describeOwner(data, path);
      if (option.level === 4 && list(option.actions).length === 0) {
        problems.warn(
          locate.valueOffset([...path, 'level']),
          `${owner} is at level 4 (fully exposed) but lists no action, so the plan has no fix to offer for it; name the action that would fix it under "actions"`,
        );
      }
      if (typeof option.label !== 'string') return;
      const label = option.label;
      if (UNKNOWN_LABEL.test(label)) {
        problems.warn(
          locate.valueOffset([...path, 'label']),
          `${owner} is labelled "${printable(label)}", but cxray offers "We don't know" on every question itself (key u, counted as a visibility gap); remove this option`,
        );
      } else if (NA_LABEL.test(label)) {
        problems.warn(
          locate.valueOffset([...path, 'label']),
          `${owner} is labelled "${printable(label)}", but cxray offers "Not applicable" on every question itself (key x, left out of the scores); remove this option`,
        );
      }
      const length = Array.from(label.replace(/\s+/g, ' ').trim()).length;
      if (length > LONG_LABEL) {
        problems.warn(
          locate.valueOffset([...path, 'label']),
          `${owner} has a label of ${length} characters, which the walk cuts at 80 columns; shorten it to ${LONG_LABEL} or fewer and put the rest in the question's help`,
        );
      }
    });
  });

  list(data.actions).forEach((action, a) => {
    if (!isPlainObject(action)) return;
    const id = typeof action.id === 'string' ? action.id : undefined;
    if (id === undefined || !discoveryOf.has(id) || typeof action.effort !== 'string' || action.effort === 'S') return;
    problems.warn(
      locate.valueOffset(['actions', a, 'effort']),
      `action "${printable(id)}" is a discovery action (question "${printable(discoveryOf.get(id)!)}" names it) with effort ${printable(action.effort)}, but the plan counts every discovery action as effort S (finding out is small work); write effort: S, or make the work a remediation action`,
    );
  });
}

/**
 * Every plain (unquoted) text value followed on its line by one space and "#": YAML ended
 * the value there and read the rest as a comment, which was most likely part of the text
 * ("Position #2 in the queue"). A comment after two or more spaces reads as meant.
 */
function warnCuts(node: unknown, path: DataPath, data: unknown, source: string, problems: ProblemList): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key)) warnCuts(pair.value, [...path, String(pair.key.value ?? '')], data, source, problems);
    }
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, i) => warnCuts(item, [...path, i], data, source, problems));
    return;
  }
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return;
  const end = node.range[1];
  const lineEnd = source.indexOf('\n', end);
  const rest = source.slice(end, lineEnd === -1 ? source.length : lineEnd).replace(/\r$/, '');
  const match = /^ #(.*)$/.exec(rest);
  if (!match) return;
  problems.warn(
    end + 1,
    `${textName(data, path)} ends before " #", which YAML reads as the start of a comment, so "#${printable(match[1]!.trimEnd())}" is left out of it; put the whole text in quotes if the # belongs to it, or leave two spaces before a comment`,
  );
}

/** "the label of option "never" of question "q"", "the title of the bank". */
function textName(data: unknown, path: DataPath): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `the ${last} of ${describeOwner(data, path.slice(0, -1))}` : describeOwner(data, path);
}
