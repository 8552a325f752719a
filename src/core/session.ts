/**
 * A workshop session that fits its time (issue 16): what a session asks (every question,
 * the bank's core set, or chosen dimensions), its timebox, the clock of the time used,
 * and the pace: at the rate questions have been answered so far, how long the rest
 * needs, and whether that runs past the timebox. Durations are shown one way
 * everywhere: "35 min" under an hour, "1h05" from an hour on. Pure: no I/O, no clock of
 * its own (the time is always given).
 */
import type { Question } from './bank-schema.js';
import type { Answer, Assessment, OrganisationAnswer, Session, SessionScope } from './workbook-schema.js';

/** What a new session is set to. */
export interface SessionInput {
  scope: SessionScope;
  /** Scope "dimensions": the dimension ids asked. */
  dimensions?: readonly string[];
  /** Minutes; undefined: no timebox. */
  timeboxMinutes?: number | undefined;
}

/** The timebox a new session is offered: a 90-minute workshop. */
export const DEFAULT_TIMEBOX_MINUTES = 90;

/** The current session of an assessment: its last. */
export function currentSession(assessment: Pick<Assessment, 'sessions'>): Session | undefined {
  const sessions = assessment.sessions ?? [];
  return sessions[sessions.length - 1];
}

/** True when the session asks `question` (no session: every question is asked). */
export function inSession(session: Pick<Session, 'scope' | 'dimensions'> | undefined, question: Pick<Question, 'core' | 'dimension'>): boolean {
  if (!session || session.scope === 'all') return true;
  if (session.scope === 'core') return question.core === true;
  return session.dimensions.includes(question.dimension);
}

/** The questions the session asks, in the order given. */
export function sessionQuestions<Q extends Pick<Question, 'core' | 'dimension'>>(session: Pick<Session, 'scope' | 'dimensions'> | undefined, questions: readonly Q[]): Q[] {
  return questions.filter((q) => inSession(session, q));
}

/** What a session asks, in a word or two: "all", "core", "2 dimensions". */
export function scopeWords(session: Pick<Session, 'scope' | 'dimensions'>): string {
  if (session.scope === 'core') return 'core';
  if (session.scope === 'dimensions') return session.dimensions.length === 1 ? '1 dimension' : `${session.dimensions.length} dimensions`;
  return 'all';
}

/** The next free session id: one more than the highest "sN". */
function nextId(sessions: readonly Session[]): string {
  let n = 0;
  for (const s of sessions) {
    const m = /^s(\d+)$/.exec(s.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `s${n + 1}`;
}

/** What is wrong with a session's settings, in one sentence, or null. */
export function sessionProblem(input: SessionInput): string | null {
  if (input.scope === 'dimensions' && (input.dimensions ?? []).length === 0) return 'tick at least one dimension (Space), or ask all questions or the core ones.';
  const t = input.timeboxMinutes;
  if (t !== undefined && (!Number.isInteger(t) || t < 1 || t > 1440)) return 'a timebox is a whole number of minutes from 1 to 1440, or empty for none.';
  return null;
}

/** The assessment with a new current session, its clock at 0. Throws on settings `sessionProblem` refuses. */
export function startSession(assessment: Assessment, input: SessionInput, by: string, now: Date): { assessment: Assessment; id: string } {
  const problem = sessionProblem(input);
  if (problem) throw new Error(problem);
  const sessions = assessment.sessions ?? [];
  const id = nextId(sessions);
  const session: Session = {
    id,
    scope: input.scope,
    dimensions: input.scope === 'dimensions' ? [...(input.dimensions ?? [])] : [],
    ...(input.timeboxMinutes !== undefined ? { timeboxMinutes: input.timeboxMinutes } : {}),
    startedAt: now.toISOString(),
    usedSeconds: 0,
    by,
  };
  return { assessment: { ...assessment, sessions: [...sessions, session] }, id };
}

/** The assessment with the current session's scope and timebox changed; its clock goes on. Throws on settings `sessionProblem` refuses. */
export function changeSession(assessment: Assessment, sessionId: string, input: SessionInput): Assessment {
  const problem = sessionProblem(input);
  if (problem) throw new Error(problem);
  return withSession(assessment, sessionId, (s) => {
    const { timeboxMinutes: _old, ...rest } = s;
    return {
      ...rest,
      scope: input.scope,
      dimensions: input.scope === 'dimensions' ? [...(input.dimensions ?? [])] : [],
      ...(input.timeboxMinutes !== undefined ? { timeboxMinutes: input.timeboxMinutes } : {}),
    };
  });
}

/** The assessment with the session's time used set to `seconds` (the same object when it already is). */
export function recordSessionTime(assessment: Assessment, sessionId: string, seconds: number): Assessment {
  const s = (assessment.sessions ?? []).find((x) => x.id === sessionId);
  const used = Math.max(0, Math.min(100_000_000, Math.floor(seconds)));
  if (!s || s.usedSeconds === used) return assessment;
  return withSession(assessment, sessionId, (x) => ({ ...x, usedSeconds: used }));
}

function withSession(assessment: Assessment, sessionId: string, change: (s: Session) => Session): Assessment {
  const sessions = assessment.sessions ?? [];
  if (!sessions.some((s) => s.id === sessionId)) return assessment;
  return { ...assessment, sessions: sessions.map((s) => (s.id === sessionId ? change(s) : s)) };
}

/**
 * The session clock while a walk is open: the seconds the session had used when the
 * walk opened, and when it opened. The time used is always `base + (now - since)`, so
 * writing it down again and again is harmless, and a walk opened later (after a quit, a
 * crash, a night) goes on from what was last written, never from when cxray started.
 */
export interface SessionClock {
  sessionId: string;
  baseSeconds: number;
  /** Milliseconds since the epoch when the walk opened. */
  since: number;
}

export function openClock(session: Pick<Session, 'id' | 'usedSeconds'>, now: Date): SessionClock {
  return { sessionId: session.id, baseSeconds: session.usedSeconds, since: now.getTime() };
}

/** Seconds used by `now` (a clock set back counts nothing, never less than the base). */
export function clockSeconds(clock: SessionClock, now: Date): number {
  return clock.baseSeconds + Math.max(0, Math.floor((now.getTime() - clock.since) / 1000));
}

/**
 * How many answers were given during the session, in any walk of the assessment: the
 * answer was given (or last changed) since the session started. An answer carried over
 * from the last cycle and not yet confirmed does not count. With the time used, this is
 * the session's pace.
 */
export function answeredInSession(session: Pick<Session, 'startedAt'>, answers: Iterable<Pick<Answer | OrganisationAnswer, 'at' | 'carriedOver'>>): number {
  const from = Date.parse(session.startedAt);
  // Times written by cxray are UTC to the millisecond ("2026-12-01T10:00:00.000Z"), which
  // sort as text: compared as text, a walk of 50 journeys opens ~2 ms sooner. Any other
  // form (an offset, no milliseconds) is parsed.
  const utc = isUtcMillis(session.startedAt) ? session.startedAt : undefined;
  let n = 0;
  for (const a of answers) {
    if (a.carriedOver) continue;
    if (utc !== undefined && isUtcMillis(a.at) ? a.at >= utc : Date.parse(a.at) >= from) n++;
  }
  return n;
}

/** "2026-12-01T10:00:00.000Z": the form of toISOString(), in which text order is time order. */
function isUtcMillis(at: string): boolean {
  return at.length === 24 && at.charCodeAt(23) === 90 /* Z */ && at.charCodeAt(19) === 46 /* . */;
}

/** Where a session stands against its time. */
export interface SessionPace {
  usedSeconds: number;
  /** Questions still to answer in what is being walked. */
  left: number;
  /** Seconds a question has taken on average; undefined before the first answer. */
  secondsPerQuestion?: number;
  /** At that pace, the seconds the questions left need. */
  leftSeconds?: number;
  timeboxSeconds?: number;
  /** Seconds past the timebox the session ends at this pace (0 or absent: it fits). */
  overSeconds?: number;
  /** The timebox is already used up. */
  timeUp: boolean;
}

export function sessionPace(input: { usedSeconds: number; answered: number; left: number; timeboxMinutes?: number | undefined }): SessionPace {
  const { usedSeconds, answered, left } = input;
  const pace: SessionPace = { usedSeconds, left, timeUp: false };
  if (input.timeboxMinutes !== undefined) {
    pace.timeboxSeconds = input.timeboxMinutes * 60;
    pace.timeUp = usedSeconds >= pace.timeboxSeconds;
  }
  if (answered > 0) {
    pace.secondsPerQuestion = usedSeconds / answered;
    pace.leftSeconds = Math.round(pace.secondsPerQuestion * left);
    if (pace.timeboxSeconds !== undefined) pace.overSeconds = Math.max(0, usedSeconds + pace.leftSeconds - pace.timeboxSeconds);
  }
  return pace;
}

/**
 * A duration as cxray shows it everywhere: whole minutes under an hour ("0 min",
 * "35 min"), hours and two-digit minutes from an hour on ("1h05", "12h40"). Rounded
 * down by default; `up` for an estimate of what is left, so "1 min" is never said of 61
 * seconds still to go.
 */
export function formatDuration(seconds: number, round: 'down' | 'up' = 'down'): string {
  const s = Math.max(0, seconds);
  const minutes = round === 'up' ? Math.ceil(s / 60) : Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
}

/** A timebox as typed: "90", "90 min", "1h30", "1h", "1:30"; '' is none. Null when it is not one of these. */
export function parseTimebox(text: string): number | undefined | null {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  let m = /^(\d{1,4})\s*(?:m|min|mins|minutes)?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d{1,2})\s*h\s*(\d{1,2})?\s*(?:m|min)?$/.exec(t) ?? /^(\d{1,2}):(\d{2})$/.exec(t);
  if (m && Number(m[2] ?? 0) < 60) return Number(m[1]) * 60 + Number(m[2] ?? 0);
  return null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How much room the clock has: full (a wide terminal), medium (about 100 columns), narrow (under 80). */
export type ClockForm = 'full' | 'medium' | 'narrow';

/**
 * The header's words for the session's time: used, at this pace what is left, and the
 * timebox, saying when it will be exceeded. `warn`: the timebox is used up or will be.
 *   full:   "35 min used · at this pace: 55 min left for 22 questions · fits the 1h30 timebox"
 *   medium: "35 min · at this pace: 55 min left for 22 questions · fits 1h30"
 *   narrow: "35 min · 55 min left, 22 q · fits 1h30"
 */
export function sessionClockText(pace: SessionPace, form: ClockForm): { text: string; warn: boolean } {
  const full = form === 'full';
  const narrow = form === 'narrow';
  const used = formatDuration(pace.usedSeconds);
  const box = pace.timeboxSeconds !== undefined ? formatDuration(pace.timeboxSeconds) : undefined;
  const parts: string[] = [full ? `${used} used` : used];
  if (pace.left === 0) parts.push(narrow ? 'all answered' : full ? 'every question of this walk answered' : 'all answered');
  else if (pace.leftSeconds !== undefined) {
    const left = formatDuration(pace.leftSeconds, 'up');
    parts.push(narrow ? `${left} left, ${pace.left} q` : `at this pace: ${left} left for ${plural(pace.left, 'question', 'questions')}`);
  } else parts.push(narrow ? `${pace.left} q left` : `${plural(pace.left, 'question', 'questions')} left`);
  let warn = false;
  if (box !== undefined) {
    if (pace.timeUp) {
      warn = true;
      parts.push(full ? `! the ${box} timebox is used up` : `! ${box} used up`);
    } else if (pace.left > 0 && pace.overSeconds !== undefined && pace.overSeconds > 0) {
      warn = true;
      const over = formatDuration(pace.overSeconds, 'up');
      parts.push(full ? `! ${over} over the ${box} timebox` : `! ${over} over ${box}`);
    } else if (pace.overSeconds !== undefined || pace.left === 0) parts.push(full ? `fits the ${box} timebox` : `fits ${box}`);
    else parts.push(full ? `timebox ${box}` : `of ${box}`);
  }
  return { text: parts.join(' · '), warn };
}
