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

/**
 * Runs the clock of the assessment's current session while the component is mounted
 * (a session asking every question is started if there is none). Returns the clock
 * (undefined until the first effect) and `flush`, which writes the time used now.
 */
export function useSessionClock(assessment: Assessment, apply: (change: (w: Workbook) => Workbook) => void): { clock: SessionClock | undefined; flush: () => void } {
  const { now } = useShell();
  const [clock, setClock] = useState<SessionClock | undefined>(undefined);
  const clockRef = useRef<SessionClock | undefined>(undefined);
  const first = useRef(assessment);
  const assessmentId = assessment.id;

  const flush = useCallback(() => {
    const c = clockRef.current;
    if (!c) return;
    const seconds = clockSeconds(c, now());
    apply((w) => updateAssessment(w, assessmentId, (a) => recordSessionTime(a, c.sessionId, seconds)));
  }, [apply, assessmentId, now]);

  useLayoutEffect(() => {
    const a = first.current;
    const at = now();
    let session = currentSession(a);
    if (!session) {
      const started = startSession(a, { scope: 'all' }, a.facilitator, at);
      session = currentSession(started.assessment)!;
      apply((w) => updateAssessment(w, assessmentId, (x) => (currentSession(x) ? x : startSession(x, { scope: 'all' }, x.facilitator, at).assessment)));
    }
    const opened = openClock(session, at);
    clockRef.current = opened;
    setClock(opened);
    const timer = setInterval(flush, CLOCK_WRITE_MS);
    timer.unref?.();
    return () => {
      clearInterval(timer);
      flush();
      clockRef.current = undefined;
    };
  }, [apply, assessmentId, flush, now]);

  return { clock, flush };
}

/** Which form of the clock's words fits beside a trail of `trail` columns in `columns`. */
export function clockForm(columns: number, trail: number): ClockForm {
  // The trail keeps at least 30 columns (or all of it, if shorter); the medium words take up to about 64.
  const room = columns - 1 - Math.min(trail, 30);
  return room >= 84 ? 'full' : room >= 64 ? 'medium' : 'narrow';
}

/** The header's clock: time used, at this pace what is left, and the timebox (redrawn every 15 seconds). */
export function SessionClockText({ trail }: { trail: number }) {
  const info = useContext(SessionClockContext);
  const { now, size } = useShell();
  const tone = useTone();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 15_000);
    timer.unref?.();
    return () => clearInterval(timer);
  }, []);
  if (!info) return null;
  const pace = sessionPace({ usedSeconds: clockSeconds(info.clock, now()), answered: info.answered, left: info.left, timeboxMinutes: info.timeboxMinutes });
  const { text, warn } = sessionClockText(pace, clockForm(size.columns, trail));
  return warn ? (
    <Text bold color={tone('yellow')}>
      {text}
    </Text>
  ) : (
    <Text dimColor>{text}</Text>
  );
}
