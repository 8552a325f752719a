/**
 * The framework controls a plan item's fix serves: those cited by the questions whose
 * answers put it in the plan, each once, in bank order, titled as the catalogue has
 * them (the bank's title when the catalogue lacks the id). Pure.
 */
import type { Bank } from '../bank-schema.js';
import { findControl, type Framework } from './catalogue.js';

export interface ServedControl {
  framework: Framework;
  controlId: string;
  title: string;
}

export function controlsServed(bank: Pick<Bank, 'questions'>, questionIds: Iterable<string>): ServedControl[] {
  const wanted = new Set(questionIds);
  const seen = new Set<string>();
  const out: ServedControl[] = [];
  for (const question of bank.questions) {
    if (!wanted.has(question.id)) continue;
    for (const ref of question.references) {
      const key = `${ref.framework}\u0000${ref.control}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ framework: ref.framework, controlId: ref.control, title: findControl(ref.framework, ref.control)?.title ?? ref.title });
    }
  }
  return out;
}
