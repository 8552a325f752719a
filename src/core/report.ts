/**
 * `buildReport`: everything the exports and the TUI show about one assessment, computed
 * once: scores, the plan's two lanes (Find out, Fix), the visibility gaps, documented-but-exposed answers, stale
 * answers and the answers themselves. Pure: no I/O; `now` is given (it dates the
 * report and decides which answers are stale).
 */
import type { Bank, Option, Question } from './bank-schema.js';
import {
  CONFIDENCE_FACTOR,
  ageInDays,
  assessmentItems,
  type AssessmentItem,
  type AssessmentItems,
  type RecordedAnswer,
} from './assessment-items.js';
import { controlsServed } from './controls/plan-controls.js';
import { scopeNamesOf } from './bank-words.js';
import { shortLabels } from './dimension-short.js';
import { discoveryActionOf, findOutAction, findOutActionId, planOf, type Plan } from './plan.js';
import { dayOf } from './plan-status.js';
import { diffStates, stateOfCurrent, stateOfSnapshot } from './diff.js';
import { carriedOverCount } from './snapshot.js';
import { trendOf } from './trend.js';
import { REPORT_SCHEMA_VERSION, SCORING_MODEL_VERSION } from './report-version.js';
import type {
  DocumentedExposure,
  Report,
  ReportAnswer,
  StaleAnswer,
  VisibilityGap,
  VisibilityGapEntry,
} from './report-schema.js';
import { scoreItems } from './score.js';
import { evidenceKey, lapsedOn } from './evidence.js';
import { evidenceSection, type FileChecks } from './evidence-report.js';
import type { EvidenceStanding } from './evidence.js';
import type { Assessment, Confidence, ParkedItem } from './workbook-schema.js';
import { decisions, openQuestions } from './parking-lot.js';
import { disagreementsOf, reportVote } from './disagreements.js';

export type { Report } from './report-schema.js';

const GAP_REASON_ORDER: Record<VisibilityGapEntry['reason'], number> = { unknown: 0, disputed: 1 };

/** One recorded answer that counts, journey or organisation, as the report's lists see it. */
export interface Recorded {
  scope: 'journey' | 'organisation';
  journeyId: string | null;
  journeyName: string | null;
  /** Position for ordering: -1 for the organisation. */
  journeyIndex: number;
  override: boolean;
  journeysHeld: number;
  /** s, or s* (0 for an organisation answer that holds for no journey). */
  sensitivity: number;
  question: Question;
  questionIndex: number;
  answer: RecordedAnswer;
  kind: AssessmentItem['kind'];
  option: Option | undefined;
  confidence: Confidence | undefined;
  stale: boolean;
  evidence: EvidenceStanding;
  riskQuarters: number;
}

/** The recorded answers that count: the organisation's first, then each journey's own (answers and overrides). */
/** Every recorded answer, organisation answers first, with what the report says of it. */
export function recordedAnswers(items: AssessmentItems): Recorded[] {
  const list: Recorded[] = [];
  for (const o of items.organisation) {
    if (!o.answer) continue;
    list.push({
      scope: 'organisation',
      journeyId: null,
      journeyName: null,
      journeyIndex: -1,
      override: false,
      journeysHeld: o.journeys.length,
      sensitivity: o.sensitivity,
      question: o.question,
      questionIndex: o.questionIndex,
      answer: o.answer,
      kind: o.kind,
      option: o.option,
      confidence: o.confidence,
      stale: o.stale,
      evidence: o.evidence,
      riskQuarters: o.riskQuarters,
    });
  }
  for (const journey of items.journeys) {
    for (const item of journey.items) {
      if (!item.answer || item.source === 'organisation') continue;
      list.push({
        scope: 'journey',
        journeyId: item.journey.id,
        journeyName: item.journey.name,
        journeyIndex: item.journeyIndex,
        override: item.source === 'override',
        journeysHeld: 1,
        sensitivity: item.sensitivity,
        question: item.question,
        questionIndex: item.questionIndex,
        answer: item.answer,
        kind: item.kind,
        option: item.option,
        confidence: item.confidence,
        stale: item.stale,
        evidence: item.evidence,
        riskQuarters: item.riskQuarters,
      });
    }
  }
  return list;
}

/** What the report is told from outside: evidence files checked against their recorded hash (src/store/evidence-files.ts). */
export interface ReportOptions {
  fileChecks?: FileChecks;
  /** The plan of these items, when already worked out (planFor): the same as the report would work out. */
  plan?: Plan;
}

/** The plan of an assessment's items, as the report lays it out (statuses, capacity, stable ids). */
export function planFor(bank: Bank, assessment: Assessment, now: Date, items: AssessmentItems): Plan {
  return planOf(bank, items, { statuses: assessment.planStatus, today: dayOf(now), assessmentId: assessment.id }, assessment.planCapacity);
}

/** Builds the report of an assessment against a bank, as of `now`. */
export function buildReport(
  bank: Bank,
  assessment: Assessment,
  now: Date,
  items: AssessmentItems = assessmentItems(bank, assessment, now),
  options: ReportOptions = {},
): Report {
  const evidence = evidenceSection(bank, assessment, items, now, options.fileChecks);
  const evidenceIndex = assessment.evidence && assessment.evidence.length > 0 ? new Map(assessment.evidence.map((e) => [e.id, e])) : null;
  const scores = scoreItems(bank, items);
  const planned = options.plan ?? planFor(bank, assessment, now, items);
  // Each item lists the framework controls its fix serves.
  const withControls = <T extends { reasons: { questionId: string }[] }>(item: T) => ({ ...item, controls: controlsServed(bank, item.reasons.map((r) => r.questionId)) });
  const lanes = { findOut: planned.findOut.map(withControls), fix: planned.fix.map(withControls) };
  const actions = new Map(bank.actions.map((a) => [a.id, a]));
  const questionById = new Map(bank.questions.map((q) => [q.id, q]));

  const answers: ReportAnswer[] = [];
  const staleAnswers: StaleAnswer[] = [];
  const documentedButExposed: DocumentedExposure[] = [];
  const gaps = new Map<Question, { questionIndex: number; gapQuarters: number; entries: (VisibilityGapEntry & { order: number })[] }>();
  let onSomeonesWord = 0;

  for (const item of recordedAnswers(items)) {
    const answer = item.answer;
    // Properties written out, not spread from a shared object: V8 builds objects made
    // by spreading and then adding properties some fifty times slower.
    const scope = item.scope;
    const journeyId = item.journeyId;
    const journeyName = item.journeyName;
    const questionId = item.question.id;
    const questionPrompt = item.question.prompt;
    const itemEvidence = evidenceIndex ? evidence.byAnswer.get(evidenceKey(journeyId, questionId)) : undefined;
    answers.push({
      scope,
      journeyId,
      journeyName,
      questionId,
      questionPrompt,
      dimensionId: item.question.dimension,
      kind: answer.kind,
      optionId: item.option?.id ?? null,
      optionLabel: item.option?.label ?? null,
      level: item.option?.level ?? null,
      confidence: answer.kind === 'option' ? (answer.confidence ?? null) : null,
      effectiveConfidence: item.confidence ?? null,
      policy: answer.policy ?? null,
      stale: item.stale,
      carriedOver: answer.carriedOver === true,
      override: item.override,
      journeysHeld: item.journeysHeld,
      risk: item.riskQuarters / 4,
      note: answer.note,
      by: answer.by,
      at: answer.at,
      ...(itemEvidence ? { evidence: itemEvidence } : {}),
      ...(answer.vote ? { vote: reportVote(item.question, answer.vote, assessment.participants) } : {}),
    });

    if (item.stale) {
      const expiredOn =
        item.evidence === 'lapsed' ? lapsedOn(itemEvidence?.map((e) => evidenceIndex!.get(e.id)!), answer, item.question) : null;
      staleAnswers.push({
        scope,
        journeyId,
        journeyName,
        questionId,
        questionPrompt,
        kind: answer.kind,
        at: answer.at,
        ageDays: ageInDays(answer.at, now),
        lifetimeDays: item.question.lifetimeDays ?? evidenceLifetime(itemEvidence, expiredOn),
        confidence: answer.kind === 'option' ? (answer.confidence ?? null) : null,
        effectiveConfidence: item.confidence ?? null,
        ...(expiredOn ? { evidenceExpiredOn: expiredOn } : {}),
      });
    }

    if (item.option && answer.policy === 'documented' && item.option.level >= 3) {
      documentedButExposed.push({
        scope,
        journeyId,
        journeyName,
        questionId,
        questionPrompt,
        optionId: item.option.id,
        optionLabel: item.option.label,
        level: item.option.level,
        confidence: item.confidence!,
        note: answer.note,
      });
    }

    // An organisation answer that holds for no journey counts in no figure.
    if (item.sensitivity === 0) continue;
    if (item.confidence === 'reported') onSomeonesWord++;
    const reason: VisibilityGapEntry['reason'] | undefined =
      item.kind === 'unknown' ? 'unknown' : item.confidence === 'disputed' ? 'disputed' : undefined;
    if (reason) {
      // w x s x (1 - k), in quarters: k is a multiple of 1/4.
      const k4 = reason === 'unknown' ? 0 : 4 * CONFIDENCE_FACTOR[reason];
      const gapQuarters = item.question.weight * item.sensitivity * (4 - k4);
      let group = gaps.get(item.question);
      if (!group) {
        group = { questionIndex: item.questionIndex, gapQuarters: 0, entries: [] };
        gaps.set(item.question, group);
      }
      group.gapQuarters += gapQuarters;
      group.entries.push({
        scope,
        journeyId,
        journeyName,
        reason,
        stale: item.stale,
        optionLabel: item.option?.label ?? null,
        note: answer.note,
        gap: gapQuarters / 4,
        order: GAP_REASON_ORDER[reason] * (assessment.journeys.length + 1) + item.journeyIndex + 1,
      });
    }
  }

  const visibilityGaps: VisibilityGap[] = [...gaps.entries()]
    .sort(([, a], [, b]) => b.gapQuarters - a.gapQuarters || a.questionIndex - b.questionIndex)
    .map(([question, group]) => {
      const { action, generated } = discoveryActionOf(question, actions);
      return {
        questionId: question.id,
        questionPrompt: question.prompt,
        dimensionId: question.dimension,
        weight: question.weight,
        findOut: { actionId: action.id, title: action.title, generated },
        gap: group.gapQuarters / 4,
        entries: group.entries.sort((a, b) => a.order - b.order).map(({ order: _order, ...entry }) => entry),
      };
    });

  const shorts = shortLabels(bank.dimensions);
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    scoringModel: SCORING_MODEL_VERSION,
    generatedAt: now.toISOString(),
    assessment: {
      id: assessment.id,
      name: assessment.name,
      organisation: assessment.organisation,
      facilitator: assessment.facilitator,
      participants: assessment.participants.map((p) => ({ name: p.name, role: p.role })),
      createdAt: assessment.createdAt,
    },
    bank: {
      id: bank.id,
      title: bank.title,
      version: bank.version,
      assessedVersion: assessment.bank.version,
      scope: { ...scopeNamesOf(bank) },
      levels: bank.levels ? [...bank.levels] : null,
    },
    dimensions: bank.dimensions.map((d, i) => ({ id: d.id, title: d.title, short: shorts[i]!, description: d.description })),
    journeys: scores.journeys.map(({ journey, exposure, visibility, progress, dimensions }, j) => ({
      id: journey.id,
      name: journey.name,
      description: journey.description,
      channels: [...journey.channels],
      dataCategories: [...journey.dataCategories],
      sensitivity: journey.sensitivity,
      sensitivityFactor: items.journeys[j]!.sensitivity,
      systemIds: [...journey.systemIds],
      exposure,
      visibility,
      progress,
      dimensions,
    })),
    overall: scores.overall,
    organisation: { progress: scores.organisationProgress },
    systems: assessment.systems.map((s) => ({ id: s.id, name: s.name, kind: s.kind, owner: s.owner, vendor: s.vendor })),
    integrations: assessment.integrations.map((i) => ({
      id: i.id,
      from: i.from,
      to: i.to,
      access: i.access,
      fields: [...i.fields],
      logged: i.logged,
    })),
    planCapacity: { now: assessment.planCapacity.now, next: assessment.planCapacity.next },
    findOut: lanes.findOut,
    plan: lanes.fix,
    closedItems: closedItemsOf(bank, assessment, [...lanes.findOut, ...lanes.fix]),
    disagreements: disagreementsOf(answers, (id) => questionById.get(id)),
    parkingLot: openQuestions(assessment).map((i) => parkingLotEntry(bank, assessment, i, dayOf(now))),
    decisions: decisions(assessment).map((i) => parkingLotEntry(bank, assessment, i, dayOf(now))),
    visibilityGaps,
    onSomeonesWord,
    documentedButExposed,
    staleAnswers,
    evidence: evidence.section,
    answers,
    ignoredAnswers: items.ignored,
    cycles: { snapshots: [], carriedOver: 0, sinceLastCycle: null, trend: null },
    signoff: assessment.signoff ? { ...assessment.signoff } : null,
  };
  report.cycles = cyclesOf(bank, assessment, report);
  return report;
}

/** Days from collection to expiry of the evidence that expired last: the lifetime a question without one gave its evidence. */
function evidenceLifetime(list: readonly { collectedOn: string; expiresOn: string | null }[] | undefined, expiredOn: string | null): number {
  const last = list?.find((e) => e.expiresOn === expiredOn);
  if (!last || !expiredOn) return 1;
  return Math.max(1, Math.round((Date.parse(expiredOn) - Date.parse(last.collectedOn)) / 86_400_000));
}

/** A parking-lot item as the report shows it: with the question's prompt and the journey's name. */
export function parkingLotEntry(bank: Bank, assessment: Assessment, item: ParkedItem, today: string): Report['parkingLot'][number] {
  const journeyId = item.journeyId ?? null;
  return {
    id: item.id,
    kind: item.kind,
    text: item.text,
    owner: item.owner,
    due: item.due ?? null,
    overdue: item.kind === 'question' && item.due !== undefined && today > item.due,
    questionId: item.questionId ?? null,
    questionPrompt: item.questionId ? (bank.questions.find((q) => q.id === item.questionId)?.prompt ?? null) : null,
    journeyId,
    journeyName: journeyId === null ? null : (assessment.journeys.find((j) => j.id === journeyId)?.name ?? null),
    by: item.by,
    at: item.at,
  };
}

/** Items marked done that the answers no longer put in the plan. */
function closedItemsOf(bank: Bank, assessment: Assessment, plan: readonly { actionId: string }[]): Report['closedItems'] {
  const inPlan = new Set(plan.map((p) => p.actionId));
  const actions = new Map(bank.actions.map((a) => [a.id, a]));
  const questions = new Map(bank.questions.map((q) => [findOutActionId(q.id), q]));
  return assessment.planStatus
    .filter((s) => s.status === 'done' && !inPlan.has(s.actionId))
    .map((s) => {
      const question = questions.get(s.actionId);
      const title = actions.get(s.actionId)?.title ?? (question ? findOutAction(question).title : s.actionId);
      return { actionId: s.actionId, title, owner: s.owner, by: s.by, updatedAt: s.updatedAt };
    })
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.actionId < b.actionId ? -1 : 1));
}

/** The earlier cycles as the report shows them: snapshots, changes since the latest, the trend. */
function cyclesOf(bank: Bank, assessment: Assessment, report: Report): Report['cycles'] {
  const latest = assessment.snapshots[assessment.snapshots.length - 1];
  return {
    snapshots: assessment.snapshots.map((s) => ({
      id: s.id,
      label: s.label,
      takenAt: s.takenAt,
      by: s.by,
      exposure: s.scores.exposure,
      visibility: s.scores.visibility,
    })),
    carriedOver: carriedOverCount(assessment),
    sinceLastCycle: latest
      ? diffStates(bank, stateOfSnapshot(latest, { bank, assessment, model: report.scoringModel, build: buildReport }), stateOfCurrent(assessment, report))
      : null,
    trend: trendOf(assessment, report),
  };
}
