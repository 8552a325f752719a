/**
 * Step 5: cross-references. Duplicate ids, unknown dimensions and actions (plain ids and
 * `{ id, share }` objects alike), actions never used, and questions whose options cannot
 * discriminate.
 */
import { SHORT_LABEL_WIDTH, labelColumns } from '../../core/dimension-short.js';
import { closest } from './closest.js';
import { describeOwner, isPlainObject, printable } from './describe.js';
import type { Locator } from './locate.js';
import type { DataPath, ProblemList } from './problems.js';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function checkReferences(data: Record<string, unknown>, locate: Locator, problems: ProblemList): void {
  const lineOf = (path: DataPath) => {
    const offset = locate.valueOffset(path);
    return problems.lineOf(offset);
  };
  const uniqueIds = (items: unknown[], basePath: DataPath, kind: string, owner = '') => {
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const id = isPlainObject(item) && typeof item.id === 'string' ? item.id : undefined;
      if (id === undefined) return;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, index);
        return;
      }
      problems.at(
        locate.valueOffset([...basePath, index, 'id']),
        `duplicate ${kind} id "${printable(id)}"${owner} (first used on line ${lineOf([...basePath, earlier, 'id'])}); give each ${kind} its own id`,
      );
    });
    return new Set(first.keys());
  };

  const dimensions = uniqueIds(list(data.dimensions), ['dimensions'], 'dimension');
  checkShortLabels(list(data.dimensions), locate, problems, lineOf);
  const actions = uniqueIds(list(data.actions), ['actions'], 'action');
  const questions = list(data.questions);
  uniqueIds(questions, ['questions'], 'question');
  const used = new Set<string>();
  const suggest = (id: string, ids: Set<string>, kind: string, section: string) => {
    const near = closest(id, [...ids]);
    // The action meant is not also reported as never used.
    if (near) used.add(near);
    if (near) return `; did you mean "${near}"?`;
    return ids.size > 0 ? `; use one of the ${kind}s defined (${[...ids].join(", ")}) or add it under ${section}`: `; add it under ${section}`;
  };

  questions.forEach((question, q) => {
    if (!isPlainObject(question)) return;
    const name = describeOwner(data, ['questions', q]);
    if (typeof question.dimension === 'string' && Array.isArray(data.dimensions) && !dimensions.has(question.dimension)) {
      problems.at(
        locate.valueOffset(['questions', q, 'dimension']),
        `${name} refers to the dimension "${printable(question.dimension)}", which the bank does not define${suggest(question.dimension, dimensions, 'dimension', 'dimensions')}`,
      );
    }
    if (typeof question.discovery === 'string') {
      used.add(question.discovery);
      if (!actions.has(question.discovery)) {
        problems.at(
          locate.valueOffset(['questions', q, 'discovery']),
          `${name} names the discovery action "${printable(question.discovery)}", which the bank does not define${suggest(question.discovery, actions, 'action', 'actions')}`,
        );
      }
    }
    const options = list(question.options);
    uniqueIds(options, ['questions', q, 'options'], 'option', ` in ${name}`);
    options.forEach((option, o) => {
      if (!isPlainObject(option)) return;
      list(option.actions).forEach((entry, a) => {
        // A plain id, or the id of a { id, share } object.
        const action = typeof entry === 'string' ? entry : isPlainObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
        if (action === undefined) return;
        used.add(action);
        if (!actions.has(action)) {
          problems.at(
            locate.valueOffset(['questions', q, 'options', o, 'actions', a, ...(typeof entry === 'string' ? [] : ['id'])]),
            `${describeOwner(data, ['questions', q, 'options', o])} refers to the action "${printable(action)}", which the bank does not define${suggest(action, actions, 'action', 'actions')}`,
          );
        }
      });
    });
    checkFormerIds(options, q, name, locate, problems);
    const levels = options.map((o) => (isPlainObject(o) ? o.level : undefined));
    if (levels.length >= 2 && levels.every((l) => l === levels[0]) && (levels[0] === 0 || levels[0] === 4)) {
      problems.at(
        locate.valueOffset(['questions', q, 'options']),
        levels[0] === 0
          ? `every option of ${name} has level 0, so every answer scores as well controlled; give the options that describe exposure a level from 1 to 4`
          : `every option of ${name} has level 4, so every answer scores as fully exposed; give the options that describe control a level from 0 to 3`,
      );
    }
  });

  // An action another requires is used too (its unknown ids are requires.ts's to report).
  for (const action of list(data.actions)) {
    if (isPlainObject(action)) for (const required of list(action.requires)) if (typeof required === 'string') used.add(required);
  }
  list(data.actions).forEach((action, a) => {
    const id = isPlainObject(action) && typeof action.id === 'string' ? action.id : undefined;
    if (id === undefined || used.has(id)) return;
    problems.at(
      locate.valueOffset(['actions', a, 'id']),
      `action "${printable(id)}" is never used: no option lists it, no question names it as discovery and no action requires it; refer to it or remove it`,
    );
  });
}

/**
 * Dimensions' `short` labels: at most SHORT_LABEL_WIDTH terminal columns (a wide
 * character counts two; the schema counts characters) and no two alike, case aside
 * (a column header would not say which dimension it is).
 */
function checkShortLabels(dimensions: unknown[], locate: Locator, problems: ProblemList, lineOf: (path: DataPath) => number): void {
  const first = new Map<string, number>();
  dimensions.forEach((dimension, d) => {
    if (!isPlainObject(dimension) || typeof dimension.short !== 'string') return;
    const short = dimension.short;
    const at = locate.valueOffset(['dimensions', d, 'short']);
    if (short.length <= SHORT_LABEL_WIDTH && labelColumns(short) > SHORT_LABEL_WIDTH) {
      problems.at(at, `the short label "${printable(short)}" takes ${labelColumns(short)} columns on a terminal; use at most ${SHORT_LABEL_WIDTH}`);
    }
    const key = short.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, d);
      return;
    }
    problems.at(at, `duplicate short label "${printable(short)}" (first used on line ${lineOf(['dimensions', earlier, 'short'])}); give each dimension its own`);
  });
}

/**
 * An option's `formerly` names ids it had in earlier bank versions: none may be a current
 * option id of the same question (an answer would be read two ways), and no two options
 * may claim the same former id (an answer would move to either).
 */
function checkFormerIds(options: unknown[], q: number, name: string, locate: Locator, problems: ProblemList): void {
  const current = new Set(options.map((o) => (isPlainObject(o) && typeof o.id === 'string' ? o.id : undefined)).filter((id) => id !== undefined));
  const claimedBy = new Map<string, string>();
  options.forEach((option, o) => {
    if (!isPlainObject(option) || typeof option.id !== 'string') return;
    const optionId = option.id;
    list(option.formerly).forEach((former, f) => {
      if (typeof former !== 'string') return;
      const at = locate.valueOffset(['questions', q, 'options', o, 'formerly', f]);
      if (current.has(former)) {
        problems.at(at, `option "${printable(optionId)}" of ${name} lists "${printable(former)}" under formerly, but "${printable(former)}" is an option of this question now; remove it from formerly or rename that option`);
        return;
      }
      const earlier = claimedBy.get(former);
      if (earlier !== undefined && earlier !== optionId) {
        problems.at(at, `options "${printable(earlier)}" and "${printable(optionId)}" of ${name} both list "${printable(former)}" under formerly; an old answer can move to only one of them`);
        return;
      }
      claimedBy.set(former, optionId);
    });
  });
}
