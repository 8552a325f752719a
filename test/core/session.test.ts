/**
 * A session that fits (issue 16): what a session asks, its clock across a quit and a
 * reopen (an injected clock: every time is written out), the pace worked out by hand,
 * the one way durations are written, and the promise of the issue counted on the real
 * built-in bank: its core set on one journey plus the organisation-wide questions fits
 * a 90-minute workshop at one minute a question.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BankSchema, type Question } from '../../src/core/bank-schema.js';
import { questionsFor } from '../../src/core/journey-questions.js';
import { isOrganisationWide, organisationQuestions } from '../../src/core/organisation.js';
import {
  answeredInSession,
  changeSession,
  clockSeconds,
  currentSession,
  formatDuration,
  openClock,
  parseTimebox,
  recordSessionTime,
  sessionClockText,
  sessionPace,
  sessionProblem,
  sessionQuestions,
  startSession,
} from '../../src/core/session.js';
import { CHANNELS, DATA_CATEGORIES, SYSTEM_KINDS } from '../../src/core/vocabulary.js';
import { AssessmentSchema, type Assessment, type Journey, type System } from '../../src/core/workbook-schema.js';

const at = (iso: string) => new Date(iso);

function assessment(): Assessment {
  return AssessmentSchema.parse({ id: 'a1', name: 'Q4', createdAt: '2026-11-30T09:00:00Z', bank: { id: 'b', version: '1' } });
}

const q = (id: string, dimension: string, core?: boolean) => ({ id, dimension, ...(core === undefined ? {} : { core }) });

describe('what a session asks', () => {
  const questions = [q('a', 'logging', true), q('b', 'logging'), q('c', 'retention', false), q('d', 'retention', true), q('e', 'access')];

  it('asks every question without a session or with scope all, the core ones, or the chosen dimensions', () => {
    expect(sessionQuestions(undefined, questions).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sessionQuestions({ scope: 'all', dimensions: [] }, questions).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sessionQuestions({ scope: 'core', dimensions: [] }, questions).map((x) => x.id)).toEqual(['a', 'd']);
    expect(sessionQuestions({ scope: 'dimensions', dimensions: ['retention', 'access'] }, questions).map((x) => x.id)).toEqual(['c', 'd', 'e']);
  });

  it('refuses a dimensions session with none ticked and a timebox that is not whole minutes from 1 to 1440', () => {
    expect(sessionProblem({ scope: 'dimensions', dimensions: [] })).toMatch(/tick at least one dimension/);
    expect(sessionProblem({ scope: 'core', timeboxMinutes: 0 })).toMatch(/1 to 1440/);
    expect(sessionProblem({ scope: 'core', timeboxMinutes: 1441 })).toMatch(/1 to 1440/);
    expect(sessionProblem({ scope: 'core', timeboxMinutes: 90 })).toBeNull();
    expect(() => startSession(assessment(), { scope: 'dimensions' }, 'Dana', at('2026-12-01T09:00:00Z'))).toThrow(/tick/);
  });

  it('numbers sessions s1, s2; the last is the current; a change keeps the clock', () => {
    const first = startSession(assessment(), { scope: 'core', timeboxMinutes: 90 }, 'Dana', at('2026-12-01T09:00:00Z'));
    expect(first.id).toBe('s1');
    const timed = recordSessionTime(first.assessment, 's1', 1234.9);
    expect(currentSession(timed)).toMatchObject({ id: 's1', scope: 'core', timeboxMinutes: 90, usedSeconds: 1234, startedAt: '2026-12-01T09:00:00.000Z', by: 'Dana' });
    expect(recordSessionTime(timed, 's1', 1234)).toBe(timed);
    const changed = changeSession(timed, 's1', { scope: 'dimensions', dimensions: ['logging'] });
    expect(currentSession(changed)).toMatchObject({ scope: 'dimensions', dimensions: ['logging'], usedSeconds: 1234 });
    expect(currentSession(changed)?.timeboxMinutes).toBeUndefined();
    const second = startSession(changed, { scope: 'all' }, 'Dana', at('2026-12-02T09:00:00Z'));
    expect(second.id).toBe('s2');
    expect(currentSession(second.assessment)).toMatchObject({ id: 's2', usedSeconds: 0 });
    expect(second.assessment.sessions?.map((s) => s.id)).toEqual(['s1', 's2']);
    // The workbook schema takes it as written.
    expect(AssessmentSchema.parse(second.assessment).sessions).toEqual(second.assessment.sessions);
  });
});

describe('the session clock, across a quit and a reopen', () => {
  it('goes on from the time written, never counting the time cxray was closed', () => {
    let a = startSession(assessment(), { scope: 'core', timeboxMinutes: 90 }, 'Dana', at('2026-12-01T09:00:00Z')).assessment;
    a = recordSessionTime(a, 's1', 600); // 10 minutes used in an earlier visit
    // The walk opens at 10:00:00 and stays open 5 min 30 s.
    const clock = openClock(currentSession(a)!, at('2026-12-01T10:00:00Z'));
    expect(clockSeconds(clock, at('2026-12-01T10:00:00Z'))).toBe(600);
    expect(clockSeconds(clock, at('2026-12-01T10:05:30Z'))).toBe(930); // 600 + 330
    a = recordSessionTime(a, 's1', clockSeconds(clock, at('2026-12-01T10:05:30Z')));
    expect(formatDuration(currentSession(a)!.usedSeconds)).toBe('15 min');
    // Quit; cxray is opened again an hour later: the hour does not count.
    const reopened = openClock(AssessmentSchema.parse(JSON.parse(JSON.stringify(a))).sessions!.at(-1)!, at('2026-12-01T11:05:30Z'));
    expect(clockSeconds(reopened, at('2026-12-01T11:05:30Z'))).toBe(930);
    expect(clockSeconds(reopened, at('2026-12-01T11:07:30Z'))).toBe(1050); // 930 + 120
    expect(formatDuration(1050)).toBe('17 min');
  });

  it('counts nothing when the clock is set back', () => {
    const clock = openClock({ id: 's1', usedSeconds: 300 }, at('2026-12-01T10:00:00Z'));
    expect(clockSeconds(clock, at('2026-12-01T09:00:00Z'))).toBe(300);
  });

  it('counts the answers given since the session started, not those carried over', () => {
    const answers = [
      { at: '2026-12-01T08:59:59Z' }, // before
      { at: '2026-12-01T09:00:00Z' }, // at the start: counts
      { at: '2026-12-01T09:30:00Z' },
      { at: '2026-12-01T09:31:00Z', carriedOver: true as const },
    ];
    expect(answeredInSession({ startedAt: '2026-12-01T09:00:00Z' }, answers)).toBe(2);
  });

  it('compares times written in any form by the moment they name', () => {
    // cxray's own form (UTC, milliseconds) is compared as text, any other is parsed: the counts agree.
    const answers = [
      { at: '2026-12-01T08:59:59.999Z' }, // 1 ms before
      { at: '2026-12-01T09:00:00.000Z' }, // at the start
      { at: '2026-12-01T10:00:00.000+01:00' }, // 09:00 UTC, with an offset: at the start
      { at: '2026-12-01T09:59:00+01:00' }, // 08:59 UTC: before
      { at: '2026-12-01T09:00:01Z' }, // no milliseconds: after
    ];
    expect(answeredInSession({ startedAt: '2026-12-01T09:00:00.000Z' }, answers)).toBe(3);
    expect(answeredInSession({ startedAt: '2026-12-01T10:00:00+01:00' }, answers)).toBe(3);
    expect(answeredInSession({ startedAt: '2026-12-01T09:00:00.001Z' }, answers)).toBe(1);
  });
});

describe('the pace', () => {
  it('35 min for 14 answers is 150 s a question: 22 left need 55 min, which just fits 1h30', () => {
    const pace = sessionPace({ usedSeconds: 2100, answered: 14, left: 22, timeboxMinutes: 90 });
    expect(pace).toEqual({ usedSeconds: 2100, left: 22, secondsPerQuestion: 150, leftSeconds: 3300, timeboxSeconds: 5400, overSeconds: 0, timeUp: false });
    expect(sessionClockText(pace, 'full')).toEqual({ text: '35 min used · at this pace: 55 min left for 22 questions · fits the 1h30 timebox', warn: false });
    expect(sessionClockText(pace, 'medium')).toEqual({ text: '35 min · at this pace: 55 min left for 22 questions · fits 1h30', warn: false });
    expect(sessionClockText(pace, 'narrow')).toEqual({ text: '35 min · 55 min left, 22 q · fits 1h30', warn: false });
  });

  it('35 min for 10 answers is 210 s a question: 22 left need 1h17, 22 min past the timebox', () => {
    const pace = sessionPace({ usedSeconds: 2100, answered: 10, left: 22, timeboxMinutes: 90 });
    expect(pace.leftSeconds).toBe(4620); // 22 x 210
    expect(pace.overSeconds).toBe(1320); // 2100 + 4620 - 5400
    expect(sessionClockText(pace, 'full')).toEqual({ text: '35 min used · at this pace: 1h17 left for 22 questions · ! 22 min over the 1h30 timebox', warn: true });
    expect(sessionClockText(pace, 'narrow')).toEqual({ text: '35 min · 1h17 left, 22 q · ! 22 min over 1h30', warn: true });
  });

  it('before the first answer there is no pace, only what is left; a used-up timebox is said', () => {
    expect(sessionClockText(sessionPace({ usedSeconds: 90, answered: 0, left: 1, timeboxMinutes: 90 }), 'full').text).toBe('1 min used · 1 question left · timebox 1h30');
    expect(sessionClockText(sessionPace({ usedSeconds: 90, answered: 0, left: 22 }), 'narrow').text).toBe('1 min · 22 q left');
    const up = sessionPace({ usedSeconds: 5460, answered: 40, left: 3, timeboxMinutes: 90 });
    expect(up.timeUp).toBe(true);
    expect(sessionClockText(up, 'full')).toEqual({ text: '1h31 used · at this pace: 7 min left for 3 questions · ! the 1h30 timebox is used up', warn: true });
    expect(sessionClockText(sessionPace({ usedSeconds: 3900, answered: 30, left: 0, timeboxMinutes: 90 }), 'full').text).toBe('1h05 used · every question of this walk answered · fits the 1h30 timebox');
  });
});

describe('durations, written one way', () => {
  it('as minutes under an hour, hours and two-digit minutes from an hour on', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(59)).toBe('0 min');
    expect(formatDuration(2100)).toBe('35 min');
    expect(formatDuration(3599)).toBe('59 min');
    expect(formatDuration(3600)).toBe('1h00');
    expect(formatDuration(3900)).toBe('1h05');
    expect(formatDuration(45_600)).toBe('12h40');
    expect(formatDuration(-5)).toBe('0 min');
    // An estimate rounds up: 61 seconds still to go are 2 minutes.
    expect(formatDuration(61, 'up')).toBe('2 min');
    expect(formatDuration(3541, 'up')).toBe('1h00');
  });

  it('reads a timebox typed as minutes, 1h30, 1h or 1:30; empty is none', () => {
    expect(parseTimebox('90')).toBe(90);
    expect(parseTimebox(' 45 min ')).toBe(45);
    expect(parseTimebox('1h30')).toBe(90);
    expect(parseTimebox('2h')).toBe(120);
    expect(parseTimebox('1:05')).toBe(65);
    expect(parseTimebox('')).toBeUndefined();
    expect(parseTimebox('soon')).toBeNull();
    expect(parseTimebox('1h75')).toBeNull();
  });
});

describe('the built-in bank fits a 90-minute workshop', () => {
  const bank = BankSchema.parse(parse(readFileSync(join(import.meta.dirname, '..', '..', 'questions', 'cx-data-exposure.yaml'), 'utf8')));
  const systems: System[] = SYSTEM_KINDS.map((kind) => ({ id: kind, name: kind, kind, owner: '', vendor: '' }));
  // The longest journey there is: every channel, every kind of data, every kind of system.
  const everything: Journey = {
    id: 'all',
    name: 'All',
    description: '',
    sensitivity: 'high',
    channels: [...CHANNELS],
    dataCategories: [...DATA_CATEGORIES],
    systemIds: systems.map((s) => s.id),
  };
  const core = { scope: 'core' as const, dimensions: [] };
  const own = (qs: Question[]) => qs.filter((x) => !isOrganisationWide(x));

  it('at one minute a question: the core walk of one journey and the organisation-wide section, with time to spare', () => {
    const journeyCore = sessionQuestions(core, own(questionsFor(bank, everything, { systems })));
    const organisation = organisationQuestions(bank, { journeys: [everything], systems });
    const organisationCore = sessionQuestions(core, organisation);
    // What a core session asks: the journey's core questions and the organisation-wide core ones.
    const coreSession = journeyCore.length + organisationCore.length;
    // Even with every organisation-wide question asked, not only the core ones.
    const withWholeOrganisation = journeyCore.length + organisation.length;
    console.info(
      `built-in bank: ${bank.questions.length} questions, ${bank.questions.filter((x) => x.core === true).length} core; ` +
        `one journey meeting every condition: ${journeyCore.length} core of its own; organisation-wide: ${organisationCore.length} core of ${organisation.length}; ` +
        `a core session: ${coreSession} min; core journey + every organisation-wide question: ${withWholeOrganisation} min`,
    );
    expect(journeyCore.length).toBeGreaterThan(0);
    expect(organisationCore.length).toBeGreaterThan(0);
    expect(coreSession).toBeLessThanOrEqual(60);
    expect(withWholeOrganisation).toBeLessThanOrEqual(75);
    // The pace the header would show after half of the core session at a minute each fits the timebox.
    const half = Math.floor(coreSession / 2);
    const pace = sessionPace({ usedSeconds: half * 60, answered: half, left: coreSession - half, timeboxMinutes: 90 });
    expect(pace.overSeconds).toBe(0);
    expect(pace.leftSeconds).toBe((coreSession - half) * 60);
  });
});
