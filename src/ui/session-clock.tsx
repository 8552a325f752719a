/**
 * The session clock in the terminal app: the walk runs it (useSessionClock: opened on
 * the assessment's current session, started when there is none, written to the
 * workbook every 15 seconds, on every answer and when the walk closes) and the header
 * shows it (SessionClockText, through SessionClockContext). The rules and the words are
 * pure, in src/core/session.ts.
 */
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Text } from 'ink';
import { clockSeconds, currentSession, openClock, recordSessionTime, sessionClockText, sessionPace, startSession, type ClockForm, type SessionClock } from '../core/session.js';
import { updateAssessment } from '../core/workbook-ops.js';
import type { Assessment, Workbook } from '../core/workbook-schema.js';
import { useShell, useTone } from './shell.js';

/** How often the time used is written to the workbook while a walk is open (a kill loses at most this). */
export const CLOCK_WRITE_MS = 15_000;

/** What the header needs to show the session's time. */
export interface SessionClockInfo {
  clock: SessionClock;
  timeboxMinutes: number | undefined;
  /** Answers given during the session, in any walk. */
  answered: number;
  /** Questions of the walk shown still to answer. */
  left: number;
}

export const SessionClockContext = createContext<SessionClockInfo | undefined>(undefined);

/** The clock a walk opens on: the current session's, or that of the session to start at `at` (every question). */
interface Opening {
  clock: SessionClock;
  /** When there is no session yet: the moment the new one starts. */
  startsAt: Date | undefined;
}

function openingAt(assessment: Assessment, at: Date): Opening {
  const session = currentSession(assessment);
  if (session) return { clock: openClock(session, at), startsAt: undefined };
  const started = startSession(assessment, { scope: 'all' }, assessment.facilitator, at);
  return { clock: openClock(currentSession(started.assessment)!, at), startsAt: at };
}

/**
 * Runs the clock of the assessment's current session while the component is mounted
 * (a session asking every question is started if there is none). Returns the clock and
 * `flush`, which writes the time used now. The clock is there from the first render, so
 * the walk's first frame shows it: set from an effect, it cost a second frame, which Ink
 * holds back to its next 30 fps slot (~40 ms after the first, measured on opening a walk).
 */
export function useSessionClock(assessment: Assessment, apply: (change: (w: Workbook) => Workbook) => void): { clock: SessionClock; flush: () => void } {
  const { now } = useShell();
  const [opening] = useState(() => openingAt(assessment, now()));
  const [clock, setClock] = useState(opening.clock);
  const clockRef = useRef<SessionClock | undefined>(undefined);
  const reopening = useRef(false);
  const first = useRef(assessment);
  const assessmentId = assessment.id;

  const flush = useCallback(() => {
    const c = clockRef.current;
    if (!c) return;
    const seconds = clockSeconds(c, now());
    apply((w) => updateAssessment(w, assessmentId, (a) => recordSessionTime(a, c.sessionId, seconds)));
  }, [apply, assessmentId, now]);

  useLayoutEffect(() => {
    // The first run uses the clock the first render showed; a later run (after its cleanup wrote the time) opens again.
    const { clock: opened, startsAt } = reopening.current ? openingAt(first.current, now()) : opening;
    if (startsAt) apply((w) => updateAssessment(w, assessmentId, (x) => (currentSession(x) ? x : startSession(x, { scope: 'all' }, x.facilitator, startsAt).assessment)));
    clockRef.current = opened;
    if (reopening.current) setClock(opened);
    reopening.current = true;
    const timer = setInterval(flush, CLOCK_WRITE_MS);
    timer.unref?.();
    return () => {
      clearInterval(timer);
      flush();
      clockRef.current = undefined;
    };
  }, [apply, assessmentId, flush, now, opening]);

  return { clock, flush };
}

/** Which form of the clock's words fits beside a trail of `trail` columns in `columns`. */
export function clockForm(columns: number, trail: number): ClockForm {
  // The trail keeps at least 30 columns (or all of it, if shorter); the medium words take up to about 64.
  const room = columns - 1 - Math.min(trail, 30);
  return room >= 84 ? 'full' : room >= 64 ? 'medium' : 'narrow';
}

/** The header's clock words beside a trail of `trail` columns (redrawn every 15 seconds); undefined outside a walk. */
export function useSessionClockWords(trail: number): { text: string; warn: boolean } | undefined {
  const info = useContext(SessionClockContext);
  const { now, size } = useShell();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 15_000);
    timer.unref?.();
    return () => clearInterval(timer);
  }, []);
  if (!info) return undefined;
  const pace = sessionPace({ usedSeconds: clockSeconds(info.clock, now()), answered: info.answered, left: info.left, timeboxMinutes: info.timeboxMinutes });
  return sessionClockText(pace, clockForm(size.columns, trail));
}

/** The header's clock: time used, at this pace what is left, and the timebox (the words of useSessionClockWords). */
export function SessionClockText({ words }: { words: { text: string; warn: boolean } | undefined }) {
  const tone = useTone();
  if (!words) return null;
  return words.warn ? (
    <Text bold color={tone('yellow')}>
      {words.text}
    </Text>
  ) : (
    <Text dimColor>{words.text}</Text>
  );
}
