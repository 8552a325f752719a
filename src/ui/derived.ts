/**
 * What the screens derive from the workbook, owned by one app instance: the walk's
 * question maps, answer indexes and progress (AssessmentModels), each assessment's
 * report, and the scores on the home list. The app creates one DerivedData and hands it
 * down in a context; a test renders the app with a fresh one (or its own builder, to
 * count builds). Nothing is kept at module level, so two apps never share a cache.
 *
 * A report is built once per assessment object, bank and day: a change to the workbook
 * makes a new assessment object and so a new report; a redraw (the help, a resize, the
 * save state) finds the one built, on the results, the plan and the comparison alike.
 * The scores of the home list and the report start from the same assessment items
 * (each answer resolved against its question), built once for both. The end of a walk
 * shows only parts of the report (its figures, plan lanes, answers and parking lot):
 * it takes them from the report when that is built already, and else builds only them
 * (src/core/summary-parts.ts), sharing the plan with the report built later.
 *
 * Some parts of an assessment never reach a figure: the session clock, which the walk
 * writes when it opens, every 15 seconds and when it closes. An assessment that differs
 * from the one last seen only in those parts finds what was derived for that one, so
 * opening and leaving a walk does not rebuild the report (test/ui/derived.test.tsx checks
 * that the report indeed ignores them).
 */
import { createContext, useContext, useMemo } from 'react';
import type { Bank } from '../core/bank-schema.js';
import { assessmentItems, type AssessmentItems } from '../core/assessment-items.js';
import { buildRequests, type EvidenceRequest } from '../core/evidence-requests.js';
import type { Plan } from '../core/plan.js';
import { buildReport, planFor, type ReportOptions } from '../core/report.js';
import type { Report } from '../core/report-schema.js';
import { scoreItems, type Scores } from '../core/score.js';
import { summaryParts, type SummaryParts } from '../core/summary-parts.js';
import type { Answer, Assessment, OrganisationAnswer } from '../core/workbook-schema.js';
import { AssessmentModels, organisationModel, type AssessmentModel } from './assessment-model.js';
import { useShell } from './shell.js';

export interface DerivedBuilders {
  buildReport: (bank: Bank, assessment: Assessment, now: Date, items: AssessmentItems, options?: ReportOptions) => Report;
  scoreItems: (bank: Bank, items: AssessmentItems) => Scores;
}

interface Kept<T> {
  bank: Bank;
  day: string;
  value: T;
}

/** The day a figure is computed for: staleness and overdue items change with it, not within it. */
const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** The parts of an assessment that no score, plan or report reads. */
export const NOT_DERIVED_FROM: readonly (keyof Assessment)[] = ['sessions', 'speaker'];

/** Whether `a` and `b` differ only in parts nothing is derived from (each other part the same object or value). */
function sameForFigures(a: Assessment, b: Assessment): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Assessment)[]);
  for (const key of keys) {
    if (!NOT_DERIVED_FROM.includes(key) && a[key] !== b[key]) return false;
  }
  return true;
}

export class DerivedData {
  readonly models = new AssessmentModels();
  private readonly items = new WeakMap<Assessment, Kept<AssessmentItems>>();
  private readonly reports = new WeakMap<Assessment, Kept<Report>>();
  private readonly scores = new WeakMap<Assessment, Kept<Scores>>();
  private readonly plans = new WeakMap<Assessment, Kept<Plan>>();
  private readonly summaries = new WeakMap<Assessment, Kept<SummaryParts>>();
  /** Per assessment id, the assessment object the caches are keyed by. */
  private readonly keys = new Map<string, Assessment>();
  private readonly requestLists = new WeakMap<Assessment, Kept<EvidenceRequest[]>>();
  private readonly builders: DerivedBuilders;

  constructor(builders: Partial<DerivedBuilders> = {}) {
    this.builders = { buildReport, scoreItems, ...builders };
  }

  /** The report of `assessment` as it stands (scores, plan, cycles), built once per change. */
  report(bank: Bank, assessment: Assessment, now: Date): Report {
    return this.kept(this.reports, bank, assessment, now, () =>
      this.builders.buildReport(bank, assessment, now, this.itemsOf(bank, assessment, now), { plan: this.planOf(bank, assessment, now) }),
    );
  }

  /**
   * What the end of a walk shows of `assessment`: the report's, when it is built already,
   * else the same parts without the rest of the report (src/core/summary-parts.ts).
   */
  summary(bank: Bank, assessment: Assessment, now: Date): SummaryParts {
    const key = this.keyOf(assessment);
    const report = this.reports.get(key);
    if (report && report.bank === bank && report.day === dayOf(now)) return report.value;
    return this.kept(this.summaries, bank, assessment, now, () =>
      summaryParts(bank, assessment, now, this.itemsOf(bank, assessment, now), this.scoresOf(bank, assessment, now), this.planOf(bank, assessment, now)),
    );
  }

  /** The plan of `assessment`, worked out once for the summary and the report. */
  private planOf(bank: Bank, assessment: Assessment, now: Date): Plan {
    return this.kept(this.plans, bank, assessment, now, () => planFor(bank, assessment, now, this.itemsOf(bank, assessment, now)));
  }

  /** The scores of `assessment` for the home list, computed once per change. */
  scoresOf(bank: Bank, assessment: Assessment, now: Date): Scores {
    return this.kept(this.scores, bank, assessment, now, () => this.builders.scoreItems(bank, this.itemsOf(bank, assessment, now)));
  }

  /** The evidence requests of `assessment` (the report's, without building the rest of it), once per change. */
  requests(bank: Bank, assessment: Assessment, now: Date): EvidenceRequest[] {
    const report = this.reports.get(this.keyOf(assessment));
    if (report && report.bank === bank && report.day === dayOf(now) && report.value.evidence) return report.value.evidence.requests;
    return this.kept(this.requestLists, bank, assessment, now, () => buildRequests(bank, assessment, this.itemsOf(bank, assessment, now), now));
  }

  /** Each answer of `assessment` resolved against its question: what the scores and the report start from. */
  private itemsOf(bank: Bank, assessment: Assessment, now: Date): AssessmentItems {
    return this.kept(this.items, bank, assessment, now, () => assessmentItems(bank, assessment, now));
  }

  /** The object the caches know `assessment` by: the last one seen with the same figures, or itself. */
  private keyOf(assessment: Assessment): Assessment {
    const known = this.keys.get(assessment.id);
    if (known === assessment || (known && sameForFigures(known, assessment))) return known;
    this.keys.set(assessment.id, assessment);
    return assessment;
  }

  private kept<T>(cache: WeakMap<Assessment, Kept<T>>, bank: Bank, given: Assessment, now: Date, build: () => T): T {
    const day = dayOf(now);
    const assessment = this.keyOf(given);
    const hit = cache.get(assessment);
    if (hit && hit.bank === bank && hit.day === day) return hit.value;
    const value = build();
    cache.set(assessment, { bank, day, value });
    return value;
  }
}

export const DerivedContext = createContext<DerivedData | undefined>(undefined);

export function useDerived(): DerivedData {
  const derived = useContext(DerivedContext);
  if (!derived) throw new Error('useDerived() outside the app: render screens inside <App>.');
  return derived;
}

/** What the end of a walk shows of an assessment, from the app's cache. */
export function useSummaryParts(bank: Bank, assessment: Assessment): SummaryParts {
  const derived = useDerived();
  const { now } = useShell();
  return derived.summary(bank, assessment, now());
}

/** The report of an assessment, from the app's cache. */
export function useReport(bank: Bank, assessment: Assessment): Report {
  const derived = useDerived();
  const { now } = useShell();
  return derived.report(bank, assessment, now());
}

const NO_SYSTEMS: Assessment['systems'] = [];
const NO_ANSWERS: Answer[] = [];
const NO_ORGANISATION_ANSWERS: OrganisationAnswer[] = [];

/** The walk's model of an assessment, memoised on the parts of it each figure depends on. */
export function useAssessmentModel(bank: Bank, assessment: Assessment | undefined): AssessmentModel {
  const { models } = useDerived();
  const journeys = assessment?.journeys;
  const systems = assessment?.systems ?? NO_SYSTEMS;
  const answerList = assessment?.answers ?? NO_ANSWERS;
  const questions = useMemo(() => models.questionMap(bank, journeys, systems), [models, bank, journeys, systems]);
  const orgAnswerList = assessment?.organisationAnswers ?? NO_ORGANISATION_ANSWERS;
  const answers = useMemo(() => models.answerIndex(answerList), [models, answerList]);
  const orgQuestions = useMemo(() => models.organisationQuestions(bank, journeys, systems), [models, bank, journeys, systems]);
  const organisation = useMemo(() => organisationModel(orgQuestions, orgAnswerList), [orgQuestions, orgAnswerList]);
  return useMemo(() => {
    const { progress, journeysTotal } = models.progressOf(questions, answers);
    const total = { answered: journeysTotal.answered + organisation.progress.answered, total: journeysTotal.total + organisation.progress.total };
    return { questions, answers, progress, organisation, total };
  }, [models, questions, answers, organisation]);
}
