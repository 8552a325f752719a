/**
 * Options a bank renamed or merged between versions. An option lists the ids it had in
 * earlier versions under `formerly`, so that answers given against those versions keep
 * their meaning: they are moved onto the option when the assessment is opened with the
 * newer bank, and a comparison with an older snapshot reads them the same way. An id no
 * option claims is left alone (its answer is kept and listed as one from an older bank
 * version). Pure: no I/O.
 */
import type { Bank, Option, Question } from './bank-schema.js';
import type { Assessment } from './workbook-schema.js';

/** The option an answer's option id names: the option with that id, or the one that lists it under `formerly`. */
export function optionFor(question: Pick<Question, 'options'>, optionId: string | undefined): Option | undefined {
  if (optionId === undefined) return undefined;
  return question.options.find((o) => o.id === optionId) ?? question.options.find((o) => o.formerly?.includes(optionId));
}

/** question id -> former option id -> current option id, for every `formerly` of the bank. */
export function optionRenames(bank: Pick<Bank, 'questions'>): Map<string, Map<string, string>> {
  const renames = new Map<string, Map<string, string>>();
  for (const question of bank.questions) {
    for (const option of question.options) {
      for (const former of option.formerly ?? []) {
        let map = renames.get(question.id);
        if (!map) renames.set(question.id, (map = new Map()));
        map.set(former, option.id);
      }
    }
  }
  return renames;
}

/** What moving answers onto renamed options did to one assessment. */
export interface RenamedOptions {
  assessment: Assessment;
  /** Answers (journey answers and organisation answers) now on an option's current id. */
  moved: number;
}

/**
 * The assessment with every answer on a former option id moved onto the option's current
 * id; everything else about the answer (confidence, note, who, when, carried over) stays.
 * Snapshots keep the ids they were taken with. Running it twice changes nothing.
 */
export function adoptRenamedOptions(bank: Pick<Bank, 'questions'>, assessment: Assessment): RenamedOptions {
  const renames = optionRenames(bank);
  if (renames.size === 0) return { assessment, moved: 0 };
  let moved = 0;
  const move = <A extends { questionId: string; kind: string; optionId?: string }>(answer: A): A => {
    const to = answer.kind === 'option' && answer.optionId !== undefined ? renames.get(answer.questionId)?.get(answer.optionId) : undefined;
    if (to === undefined) return answer;
    moved++;
    return { ...answer, optionId: to };
  };
  const answers = assessment.answers.map(move);
  const organisationAnswers = assessment.organisationAnswers.map(move);
  if (moved === 0) return { assessment, moved };
  return { assessment: { ...assessment, answers, organisationAnswers }, moved };
}
