/**
 * What the schema alone cannot say about a workbook: inside each assessment, journey ids
 * are unique, there is one answer per journey and question, and every answer names one
 * of its journeys. A file that breaks these is refused when read (as any other damaged
 * workbook, with file:line:column); `cxray doctor --repair` mends it, keeping the newest
 * of duplicate answers, the first of journeys sharing an id, and setting aside answers
 * to no journey. Pure: no I/O.
 */
import { answerKey } from './journey-questions.js';
import type { Answer, Assessment, Workbook } from './workbook-schema.js';

export interface IntegrityProblem {
  /** The JSON path of the offending value, e.g. ['assessments', 0, 'answers', 7]. */
  path: Array<string | number>;
  message: string;
}

export function integrityProblems(workbook: Workbook): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  workbook.assessments.forEach((assessment, a) => {
    const journeyAt = new Map<string, number>();
    assessment.journeys.forEach((j, k) => {
      const first = journeyAt.get(j.id);
      if (first !== undefined) problems.push({ path: ['assessments', a, 'journeys', k, 'id'], message: `repeats the journey id ${JSON.stringify(j.id)} of journeys[${first}]; journey ids must be unique` });
      else journeyAt.set(j.id, k);
    });
    const answerAt = new Map<string, number>();
    assessment.answers.forEach((answer, k) => {
      if (!journeyAt.has(answer.journeyId)) {
        problems.push({ path: ['assessments', a, 'answers', k, 'journeyId'], message: `is ${JSON.stringify(answer.journeyId)}, which names no journey of this assessment` });
        return;
      }
      const key = answerKey(answer.journeyId, answer.questionId);
      const first = answerAt.get(key);
      if (first !== undefined) {
        problems.push({
          path: ['assessments', a, 'answers', k],
          message: `is a second answer to question ${JSON.stringify(answer.questionId)} for journey ${JSON.stringify(answer.journeyId)} (the first is answers[${first}]); keep one`,
        });
      } else answerAt.set(key, k);
    });
  });
  return problems;
}

export interface Repair {
  workbook: Workbook;
  /** What was set aside, one line each ("assessment "x": answer to q for j of <date>, older than …"). */
  setAside: string[];
}

/** The workbook with integrityProblems mended: newest duplicate answer kept, first journey of an id kept, orphan answers set aside. */
export function repairIntegrity(workbook: Workbook): Repair {
  const setAside: string[] = [];
  const assessments = workbook.assessments.map((assessment): Assessment => {
    const where = `assessment ${JSON.stringify(assessment.id)}`;
    const seenJourneys = new Set<string>();
    const journeys = assessment.journeys.filter((j, k) => {
      if (!seenJourneys.has(j.id)) return seenJourneys.add(j.id);
      setAside.push(`${where}: journeys[${k}] ${JSON.stringify(j.name)}, a second journey with the id ${JSON.stringify(j.id)}`);
      return false;
    });
    const newest = new Map<string, Answer>();
    assessment.answers.forEach((answer, k) => {
      if (!seenJourneys.has(answer.journeyId)) {
        setAside.push(`${where}: answers[${k}] to ${JSON.stringify(answer.questionId)} for ${JSON.stringify(answer.journeyId)}, a journey the assessment does not have`);
        return;
      }
      const key = answerKey(answer.journeyId, answer.questionId);
      const kept = newest.get(key);
      if (!kept) return void newest.set(key, answer);
      const [keep, drop] = Date.parse(answer.at) >= Date.parse(kept.at) ? [answer, kept] : [kept, answer];
      newest.set(key, keep);
      setAside.push(`${where}: an answer to ${JSON.stringify(drop.questionId)} for ${JSON.stringify(drop.journeyId)} of ${drop.at} (a newer one, of ${keep.at}, is kept)`);
    });
    const keptAnswers = new Set(newest.values());
    const answers = assessment.answers.filter((a) => keptAnswers.has(a));
    return journeys.length === assessment.journeys.length && answers.length === assessment.answers.length ? assessment : { ...assessment, journeys, answers };
  });
  return { workbook: setAside.length === 0 ? workbook : { ...workbook, assessments }, setAside };
}
