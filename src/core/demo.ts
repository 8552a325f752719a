/**
 * A sample workbook for trying cxray out: a fictional energy retailer, three journeys
 * with their systems and integrations, and every applicable question answered. The
 * answers are chosen by rules over the bank (hashes of journey and question ids, each
 * journey's leaning), not by question id, so the demo stays valid as the bank grows.
 * It has a history too: two earlier quarterly cycles kept as snapshots (worse answers,
 * the returns journey added in the second), a few answers carried over and not yet
 * confirmed, and the status of a few plan items, so that the trend, "since last cycle"
 * and plan tracking all have something to show.
 * Deterministic: the same bank and `now` give the same workbook. Pure.
 */
import { withRoom } from './demo-room.js';
import type { Bank, Option, Question } from './bank-schema.js';
import { JOURNEY_FACTS, ORGANISATION_FACTS, type DemoFact } from './demo-facts.js';
import { answerKey, questionsFor } from './journey-questions.js';
import { isOrganisationWide, organisationQuestions } from './organisation.js';
import { setPlanStatus, type PlanStatusInput } from './plan-status.js';
import { buildReport } from './report.js';
import { takeSnapshot } from './snapshot.js';
import { suggestSensitivity } from './vocabulary.js';
import {
  DEFAULT_PLAN_CAPACITY,
  WORKBOOK_SCHEMA_VERSION,
  type Answer,
  type Assessment,
  type Confidence,
  type Integration,
  type Journey,
  type OrganisationAnswer,
  type Policy,
  type System,
  type Workbook,
} from './workbook-schema.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Days between two cycles of the demo's quarterly review. */
const CYCLE_DAYS = 91;

const SYSTEMS: System[] = [
  { id: 'harbour-voice', name: 'Harbour Voice', kind: 'contact-centre', owner: 'Customer service', vendor: 'Harbour Telecom' },
  { id: 'recording-vault', name: 'Call recording vault', kind: 'storage', owner: 'Customer service', vendor: 'Harbour Telecom' },
  { id: 'qa-scorecards', name: 'QA scorecards', kind: 'workforce-quality', owner: 'Quality team', vendor: 'Tallyo' },
  { id: 'brightline-crm', name: 'Brightline CRM', kind: 'crm', owner: 'CRM admin', vendor: 'Brightline' },
  { id: 'deskwell', name: 'Deskwell help desk', kind: 'help-desk', owner: 'Support operations', vendor: 'Deskwell' },
  { id: 'deskwell-chat', name: 'Deskwell web chat', kind: 'help-desk', owner: 'Support operations', vendor: 'Deskwell' },
  { id: 'summa-ai', name: 'Summa AI summariser', kind: 'ai-assistant', owner: 'Digital team', vendor: 'Summa Labs' },
  { id: 'site-analytics', name: 'Website analytics with session replay', kind: 'analytics', owner: 'Digital team', vendor: 'Glimpse' },
  { id: 'staff-sso', name: 'Staff single sign-on', kind: 'identity', owner: 'IT', vendor: 'Keyway' },
  { id: 'coastline-returns', name: 'Coastline returns desk', kind: 'outsourced-agents', owner: 'Operations', vendor: 'Coastline BPO' },
  { id: 'returns-portal', name: 'Returns portal', kind: 'other', owner: 'Operations', vendor: 'in-house' },
  { id: 'shared-drive', name: 'Shared drive', kind: 'storage', owner: 'IT', vendor: 'Cloudfile' },
  { id: 'mailcraft', name: 'Mailcraft surveys', kind: 'marketing', owner: 'Marketing operations', vendor: 'Mailcraft' },
];

const INTEGRATIONS: Integration[] = [
  { id: 'voice-to-vault', from: 'harbour-voice', to: 'recording-vault', access: 'write', fields: ['call audio', 'transcript'], logged: 'yes' },
  { id: 'qa-reads-recordings', from: 'qa-scorecards', to: 'recording-vault', access: 'read', fields: ['call audio', 'transcript', 'agent id'], logged: 'unknown' },
  { id: 'voice-to-crm', from: 'harbour-voice', to: 'brightline-crm', access: 'read', fields: ['phone number', 'account number'], logged: 'yes' },
  { id: 'crm-to-desk', from: 'brightline-crm', to: 'deskwell', access: 'write', fields: ['name', 'address', 'tariff'], logged: 'no' },
  { id: 'summa-reads-chat', from: 'summa-ai', to: 'deskwell-chat', access: 'read', fields: ['chat transcript'], logged: 'no' },
  { id: 'summa-to-desk', from: 'summa-ai', to: 'deskwell', access: 'write', fields: ['case summary'], logged: 'yes' },
  { id: 'replay-reads-chat', from: 'site-analytics', to: 'deskwell-chat', access: 'read', fields: ['page views', 'form input'], logged: 'unknown' },
  { id: 'sso-to-desk', from: 'staff-sso', to: 'deskwell', access: 'write', fields: ['agent accounts', 'roles'], logged: 'yes' },
  { id: 'portal-to-desk', from: 'returns-portal', to: 'deskwell', access: 'write', fields: ['return request', 'photos', 'bank details'], logged: 'yes' },
  { id: 'coastline-to-desk', from: 'coastline-returns', to: 'deskwell', access: 'write', fields: ['case notes', 'refund approval'], logged: 'unknown' },
  { id: 'desk-to-drive', from: 'deskwell', to: 'shared-drive', access: 'write', fields: ['weekly returns export'], logged: 'no' },
  { id: 'mailcraft-reads-crm', from: 'mailcraft', to: 'brightline-crm', access: 'read', fields: ['e-mail address', 'first name'], logged: 'yes' },
];

/** A journey, and how its answers lean: 0 well controlled ... 1 exposed, and how often nobody knows. */
interface JourneyProfile {
  journey: Omit<Journey, 'sensitivity'>;
  lean: number;
  unknownRate: number;
  naRate: number;
}

const PROFILES: JourneyProfile[] = [
  {
    journey: {
      id: 'phone-support',
      name: 'Phone support with call recording',
      description: 'Customers call about bills, meter readings and payment plans; calls are recorded, transcribed and scored for quality.',
      channels: ['voice'],
      dataCategories: ['contact-details', 'payment-data', 'financial-data'],
      systemIds: ['harbour-voice', 'recording-vault', 'qa-scorecards', 'brightline-crm', 'deskwell', 'staff-sso'],
    },
    lean: 0.38,
    unknownRate: 0.1,
    naRate: 0.04,
  },
  {
    journey: {
      id: 'web-chat',
      name: 'Web chat with AI summaries',
      description: 'Chat on the website and in the app; an AI assistant summarises each conversation into the help desk case.',
      channels: ['chat', 'web', 'app'],
      dataCategories: ['contact-details', 'location'],
      systemIds: ['deskwell-chat', 'summa-ai', 'deskwell', 'site-analytics', 'brightline-crm', 'staff-sso'],
    },
    lean: 0.5,
    unknownRate: 0.18,
    naRate: 0.05,
  },
  {
    journey: {
      id: 'returns',
      name: 'Smart-meter and appliance returns',
      description: 'Customers return faulty smart-home devices through the portal; an outsourced team checks photos and approves refunds.',
      channels: ['web', 'email'],
      dataCategories: ['contact-details', 'financial-data', 'location'],
      systemIds: ['returns-portal', 'coastline-returns', 'deskwell', 'shared-drive', 'brightline-crm', 'mailcraft'],
    },
    lean: 0.62,
    unknownRate: 0.22,
    naRate: 0.06,
  },
];

const PEOPLE = [
  { name: 'Priya Natarajan', role: 'support operations' },
  { name: 'Tom Achterberg', role: 'security' },
  { name: 'Grace Mbeki', role: 'CRM admin' },
  { name: 'Luis Ortega', role: 'marketing operations' },
  { name: 'Hannah Keel', role: 'returns supplier manager' },
];

const NOTES = {
  unknown: [
    'Nobody in the room knew; the vendor admin would.',
    'Depends on a setting only the supplier can see. Ask at the next service review.',
    'We assumed so for years, but nobody has checked since the migration.',
  ],
  disputed: [
    'Support says this is switched on; security has not seen evidence of it.',
    'Two answers in the room: the policy says yes, the agents say they work around it.',
  ],
  documented: [
    'The policy forbids it, but under queue pressure it happens every day.',
    'On paper since the last audit; nobody checks it in practice.',
  ],
  verified: ['Checked live in the admin console during the workshop.', 'Seen in last month\'s audit log export.'],
  reported: ['From memory of the team lead; worth a look.', 'Same as last year according to the owner.'],
  na: ['Not part of this journey.'],
};

/** FNV-1a: a small, stable hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) drawn from the journey, the question and a purpose. */
function draw(journeyId: string, questionId: string, purpose: string): number {
  return hash(`${journeyId}/${questionId}/${purpose}`) / 0x1_0000_0000;
}

function pick<T>(list: readonly T[], u: number): T {
  return list[Math.floor(u * list.length)]!;
}

/** The option closest to where the journey leans, shifted by chance: options sorted by level. */
function chooseOption(question: Question, lean: number, u: number): Option {
  const byLevel = [...question.options].sort((a, b) => a.level - b.level);
  const position = Math.min(1, Math.max(0, lean + (u - 0.5) * 0.9));
  return byLevel[Math.round(position * (byLevel.length - 1))]!;
}

/** The n-th question, wrapping around: a stable choice that needs no question id. */
function nth(questions: readonly Question[], n: number): Question | undefined {
  return questions.length > 0 ? questions[n % questions.length] : undefined;
}

/** The draw key and profile of the organisation section: middling, with a few unknowns. */
const ORGANISATION_KEY = 'organisation';
const ORGANISATION_PROFILE = { lean: 0.5, unknownRate: 0.12, naRate: 0 };

/** The questions whose answers are fixed by position in a list, so that each kind of finding shows. */
interface Forced {
  unknown: Question | undefined;
  disputed: Question | undefined;
  documented: Question | undefined;
}

function forcedOf(questions: readonly Question[], j: number): Forced {
  return {
    unknown: nth(questions, 2 * j + 1),
    disputed: nth(questions, 2 * j + 2),
    documented: questions.find((q, i) => i >= j && q.options.some((o) => o.level >= 3)),
  };
}

/** True when the bank is the one the facts were written for: most of them name its questions and options. */
function factsFit(bank: Bank): boolean {
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const all = [...Object.entries(ORGANISATION_FACTS), ...Object.values(JOURNEY_FACTS).flatMap((f) => Object.entries(f))];
  const fitting = all.filter(([id, fact]) => factOption(questions.get(id), fact) !== null).length;
  return fitting * 2 > all.length;
}

/** The option a fact names on this question: the option, undefined for unknown or not applicable, null when it does not fit. */
function factOption(question: Question | undefined, fact: DemoFact | undefined): Option | undefined | null {
  if (!question || !fact) return null;
  if (fact.answer === 'unknown' || fact.answer === 'na') return undefined;
  return question.options.find((o) => o.id === fact.answer) ?? null;
}

/** The recorded answer a fact stands for, when it fits the question (undated: `stamp` dates it). */
function factAnswer(question: Question, fact: DemoFact | undefined, key: string): Answer | undefined {
  const option = factOption(question, fact);
  if (option === null || !fact) return undefined;
  const by = pick(PEOPLE, draw(key, question.id, 'by')).name;
  const base = { journeyId: key, questionId: question.id, note: fact.note ?? '', by, at: '' };
  if (option === undefined) return { ...base, kind: fact.answer as 'unknown' | 'na' };
  return { ...base, kind: 'option', optionId: option.id, confidence: fact.confidence ?? 'reported', ...(fact.policy ? { policy: fact.policy } : {}) };
}

/** An answer chosen by the demo's rules: the profile's leaning, shifted by chance, and the forced kinds. */
function ruleAnswer(question: Question, profile: Pick<JourneyProfile, 'lean' | 'unknownRate' | 'naRate'>, key: string, forced: Forced): Answer {
  const u = (purpose: string) => draw(key, question.id, purpose);
  const roll = u('kind');
  const by = pick(PEOPLE, u('by')).name;
  const free = question !== forced.disputed && question !== forced.documented;
  if (question === forced.unknown || (free && roll < profile.unknownRate)) {
    return { journeyId: key, questionId: question.id, kind: 'unknown', note: u('quiet') < 0.4 ? '' : pick(NOTES.unknown, u('note')), by, at: '' };
  }
  if (free && roll < profile.unknownRate + profile.naRate) {
    return { journeyId: key, questionId: question.id, kind: 'na', note: pick(NOTES.na, u('note')), by, at: '' };
  }
  const exposed = question === forced.documented ? question.options.filter((o) => o.level >= 3) : [];
  const option = exposed.length > 0 ? pick(exposed, u('option')) : chooseOption(question, profile.lean, u('option'));
  const c = u('confidence');
  const confidence: Confidence = question === forced.disputed ? 'disputed' : c < 0.35 ? 'verified' : c < 0.85 ? 'reported' : 'disputed';
  const p = u('policy');
  const policy: Policy | undefined =
    question === forced.documented || (option.level >= 3 && p < 0.45) ? 'documented' : p < 0.3 ? 'documented' : p < 0.6 ? 'none' : undefined;
  const notes = policy === 'documented' && option.level >= 3 ? NOTES.documented : NOTES[confidence];
  return {
    journeyId: key,
    questionId: question.id,
    kind: 'option',
    optionId: option.id,
    confidence,
    ...(policy ? { policy } : {}),
    note: u('quiet') < 0.55 ? pick(notes, u('note')) : '',
    by,
    at: '',
  };
}

/** The journey's own answer to an organisation-wide question: one level worse than the organisation's, verified. */
function overrideAnswer(question: Question, organisationAnswers: readonly OrganisationAnswer[], profile: JourneyProfile, journeyId: string): Answer | undefined {
  const held = organisationAnswers.find((a) => a.questionId === question.id);
  const theirs = held?.kind === 'option' ? question.options.find((o) => o.id === held.optionId) : undefined;
  const option = theirs ? neighbour(question, theirs, 1) : chooseOption(question, profile.lean, draw(journeyId, question.id, 'override'));
  if (!option || option.id === held?.optionId) return undefined;
  return {
    journeyId,
    questionId: question.id,
    kind: 'option',
    optionId: option.id,
    confidence: 'verified',
    note: 'This journey runs on a tool of its own here; checked in its admin console.',
    by: pick(PEOPLE, draw(journeyId, question.id, 'by')).name,
    at: '',
  };
}

/** The sample workbook: one assessment, "Northwind Home Energy", fully answered against `bank`. */
export function buildDemoWorkbook(bank: Bank, now: Date): Workbook {
  const workshop = now.getTime() - DAY_MS; // the workshop ran yesterday
  const journeys: Journey[] = PROFILES.map(({ journey }) => ({
    ...journey,
    channels: [...journey.channels],
    dataCategories: [...journey.dataCategories],
    systemIds: [...journey.systemIds],
    sensitivity: suggestSensitivity(journey.dataCategories),
  }));
  const systems = SYSTEMS.map((s) => ({ ...s }));
  const context = { systems };
  const facts = factsFit(bank);
  let minute = 0;
  let staleLeft = 2;
  // Dated in the order the workshop asked them; two option answers to questions with a
  // lifetime were carried over from last year's review, so they are stale now.
  const stamp = (question: Question, answer: Answer, forcedDocumented: Question | undefined): Answer => {
    if (answer.kind === 'option' && question.lifetimeDays !== undefined && staleLeft > 0 && question !== forcedDocumented) {
      staleLeft--;
      answer.confidence = 'verified';
      answer.note = "Carried over from last year's review.";
      answer.at = new Date(now.getTime() - (question.lifetimeDays + 30) * DAY_MS).toISOString();
    } else {
      answer.at = new Date(workshop + minute * 60_000).toISOString();
    }
    minute += 2;
    return answer;
  };

  // The organisation section first, as the workshop walked it: one answer per
  // organisation-wide question that holds for any journey.
  const orgQuestions = organisationQuestions(bank, { journeys, systems });
  const orgForced = forcedOf(orgQuestions, 0);
  const organisationAnswers: OrganisationAnswer[] = orgQuestions.map((question) => {
    const answer = factAnswer(question, ORGANISATION_FACTS[question.id], ORGANISATION_KEY) ?? ruleAnswer(question, ORGANISATION_PROFILE, ORGANISATION_KEY, orgForced);
    const { journeyId: _organisation, ...organisationAnswer } = stamp(question, answer, orgForced.documented);
    return organisationAnswer;
  });

  // Then each journey: its own questions, and an override where its answer to an
  // organisation-wide question differs from the organisation's.
  const answers: Answer[] = [];
  PROFILES.forEach((profile, j) => {
    const journey = journeys[j]!;
    const journeyFacts = JOURNEY_FACTS[journey.id] ?? {};
    const applicable = questionsFor(bank, journey, context);
    const own = applicable.filter((q) => !isOrganisationWide(q));
    // A few answers are fixed by position, so every journey shows each kind of finding.
    const forced = forcedOf(own, j);
    for (const question of applicable) {
      const fact = factAnswer(question, journeyFacts[question.id], journey.id);
      let answer: Answer | undefined = fact;
      if (isOrganisationWide(question)) {
        // Without facts for the bank, the journey added last runs one organisation-wide
        // question its own way: the demo shows an override on any bank.
        if (!answer && !facts && j === PROFILES.length - 1 && question === applicable.find(isOrganisationWide)) {
          answer = overrideAnswer(question, organisationAnswers, profile, journey.id);
        }
        if (!answer) continue;
      }
      answers.push(stamp(question, answer ?? ruleAnswer(question, profile, journey.id, forced), forced.documented));
    }
  });

  const current: Assessment = {
    id: `northwind-${now.getUTCFullYear()}`,
    name: 'Northwind Home Energy — customer data review',
    organisation: 'Northwind Home Energy',
    facilitator: 'Sam Okafor',
    participants: PEOPLE.map((p) => ({ ...p })),
    createdAt: new Date(workshop - HOUR_MS).toISOString(),
    bank: { id: bank.id, version: bank.version, questionIds: bank.questions.map((q) => q.id) },
    journeys,
    systems,
    integrations: INTEGRATIONS.map((i) => ({ ...i, fields: [...i.fields] })),
    answers,
    organisationAnswers,
    planCapacity: { ...DEFAULT_PLAN_CAPACITY },
    planStatus: [],
    snapshots: [],
  };
  return { schemaVersion: WORKBOOK_SCHEMA_VERSION, assessments: [withRoom(bank, withHistory(bank, current, now), now)] };
}

/** "August 2026 review": cycles are a quarter apart, so two never share a month. */
function cycleLabel(date: Date): string {
  const month = date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${month} ${date.getUTCFullYear()} review`;
}

/** The option one level worse (`step` 1) or better (-1) than `option`, if the question has one. */
function neighbour(question: Question, option: Option, step: 1 | -1): Option | undefined {
  const levels = [...question.options].sort((a, b) => step * (a.level - b.level));
  return levels.find((o) => step * (o.level - option.level) > 0);
}

/**
 * The answer as it was a cycle before `later`, dated within that cycle's workshop:
 * mostly the same, often one level worse or not yet known, now and then better (so the
 * later cycle has something that got worse) or an option that later became unknown.
 */
function earlierAnswer<A extends Answer | OrganisationAnswer>(question: Question, later: A, cycle: number, at: string): A {
  const key = 'journeyId' in later ? later.journeyId : ORGANISATION_KEY;
  const u = (purpose: string) => draw(key, `${later.questionId}#${cycle}`, purpose);
  // Given before that cycle (last year's review): it was the same then.
  if (later.at <= at) return later;
  const roll = u('change');
  const base = { ...('journeyId' in later ? { journeyId: later.journeyId } : {}), questionId: later.questionId, note: '', by: later.by, at } as A;
  if (later.kind === 'unknown' && roll < 0.15) {
    const middle = [...question.options].sort((a, b) => a.level - b.level)[Math.floor((question.options.length - 1) / 2)]!;
    return { ...base, kind: 'option', optionId: middle.id, confidence: 'reported', note: 'Assumed fine; nobody had looked.' };
  }
  if (later.kind !== 'option') return { ...later, at };
  const option = question.options.find((o) => o.id === later.optionId)!;
  if (roll < 0.2) return { ...base, kind: 'unknown', note: pick(NOTES.unknown, u('note')) };
  const worse = roll < 0.45 ? neighbour(question, option, 1) : roll < 0.5 ? neighbour(question, option, -1) : undefined;
  if (worse) return { ...base, kind: 'option', optionId: worse.id, confidence: 'reported', ...(later.policy ? { policy: later.policy } : {}) };
  const confidence: Confidence | undefined = later.confidence === 'verified' && u('confidence') < 0.4 ? 'reported' : later.confidence;
  return { ...later, ...(confidence ? { confidence } : {}), at };
}

/** The assessment with its answers as they stood a cycle earlier, and without `dropJourneyId`. */
function earlierCycle(bank: Bank, later: Assessment, cycle: number, workshop: number, dropJourneyId?: string): Assessment {
  const questions = new Map(bank.questions.map((q) => [q.id, q]));
  const journeys = later.journeys.filter((j) => j.id !== dropJourneyId);
  const answers = later.answers
    .filter((a) => a.journeyId !== dropJourneyId)
    .map((a, i) => {
      const previous = earlierAnswer(questions.get(a.questionId)!, a, cycle, new Date(workshop + i * 2 * 60_000).toISOString());
      const { carriedOver: _mark, ...rest } = previous;
      return rest;
    });
  const organisationAnswers = later.organisationAnswers.map((a, i) => {
    const { carriedOver: _mark, ...rest } = earlierAnswer(questions.get(a.questionId)!, a, cycle, new Date(workshop - (i + 1) * 2 * 60_000).toISOString());
    return rest;
  });
  return { ...later, journeys, answers, organisationAnswers, planStatus: [], snapshots: [] };
}

/**
 * The demo with two earlier cycles (a quarter and two quarters before `now`), each
 * frozen as a snapshot of its own report; the returns journey was added in the second.
 * Then, as of now: a few answers of the returns journey unchanged since the last cycle
 * and not yet confirmed (carried over), and the status of a few plan items.
 */
function withHistory(bank: Bank, current: Assessment, now: Date): Assessment {
  const lastAt = new Date(now.getTime() - CYCLE_DAYS * DAY_MS);
  const firstAt = new Date(now.getTime() - 2 * CYCLE_DAYS * DAY_MS);
  const last = earlierCycle(bank, current, 1, lastAt.getTime() - DAY_MS);
  const newest = current.journeys[current.journeys.length - 1]!;
  const first = earlierCycle(bank, last, 2, firstAt.getTime() - DAY_MS, newest.id);
  const firstSnapshot = takeSnapshot(
    first,
    buildReport(bank, first, firstAt),
    { label: cycleLabel(firstAt), by: current.facilitator },
    firstAt,
  ).snapshot;
  const lastSnapshot = takeSnapshot(
    { ...last, snapshots: [firstSnapshot] },
    buildReport(bank, last, lastAt),
    { label: cycleLabel(lastAt), by: current.facilitator },
    lastAt,
  ).snapshot;

  // Up to three answers of the newest journey, unchanged since the last cycle, not yet confirmed.
  const lastAnswers = new Map(last.answers.map((a) => [answerKey(a.journeyId, a.questionId), a]));
  const lifetime = new Map(bank.questions.map((q) => [q.id, q.lifetimeDays]));
  let carry = 3;
  const answers = current.answers.map((a): Answer => {
    const before = lastAnswers.get(answerKey(a.journeyId, a.questionId));
    const unchanged = before && before.kind === a.kind && before.optionId === a.optionId && before.confidence === a.confidence;
    if (carry === 0 || a.journeyId !== newest.id || a.kind !== 'option' || !unchanged || lifetime.get(a.questionId) !== undefined) return a;
    carry--;
    return { ...a, at: before.at, carriedOver: true };
  });

  let assessment: Assessment = {
    ...current,
    createdAt: new Date(firstAt.getTime() - DAY_MS - HOUR_MS).toISOString(),
    answers,
    snapshots: [firstSnapshot, lastSnapshot],
  };

  // Plan status, by rank and by what left the plan: rules, not action ids.
  // Both lanes, fixes first: a small bank's Fix lane may be short.
  const lanes = buildReport(bank, assessment, now);
  const plan = [...lanes.plan, ...lanes.findOut];
  const gone = [...lastSnapshot.plan, ...lastSnapshot.findOut].find((p) => !plan.some((q) => q.actionId === p.actionId));
  const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  const statuses: Array<PlanStatusInput & { by: string; daysAgo: number }> = [];
  if (plan[0]) statuses.push({ actionId: plan[0].actionId, status: 'in-progress', owner: PEOPLE[2]!.name, due: day(30), by: PEOPLE[2]!.name, daysAgo: 1 });
  if (plan[1]) statuses.push({ actionId: plan[1].actionId, status: 'done', owner: PEOPLE[0]!.name, by: PEOPLE[0]!.name, daysAgo: 20 });
  if (plan[2]) statuses.push({ actionId: plan[2].actionId, status: 'in-progress', owner: PEOPLE[1]!.name, due: day(-10), by: PEOPLE[1]!.name, daysAgo: 40 });
  const lastItem = plan.length > 3 ? plan[plan.length - 1] : undefined;
  if (lastItem) {
    statuses.push({
      actionId: lastItem.actionId,
      status: 'accepted-risk',
      reason: 'Low volume; the vendor contract is re-tendered next year and this is in the new terms.',
      reviewBy: day(90),
      by: current.facilitator,
      daysAgo: 1,
    });
  }
  if (gone) statuses.push({ actionId: gone.actionId, status: 'done', owner: PEOPLE[1]!.name, by: PEOPLE[1]!.name, daysAgo: 45 });
  for (const { by, daysAgo, ...input } of statuses) {
    assessment = setPlanStatus(assessment, input, by, new Date(now.getTime() - daysAgo * DAY_MS));
  }
  return assessment;
}
