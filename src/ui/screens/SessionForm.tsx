/**
 * The workshop session (S on the assessment): what the walks ask (every question, the
 * bank's core set, or chosen dimensions) and the timebox; for a session already under
 * way, whether to go on with its clock or start a new one at 0. The walks then ask only
 * the session's questions and the header keeps its time (src/core/session.ts).
 */
import { countOf, scopeNamesOf, withArticle } from '../../core/bank-words.js';
import { useState } from 'react';
import type { Question } from '../../core/bank-schema.js';
import { isOrganisationWide } from '../../core/organisation.js';
import {
  changeSession,
  currentSession,
  DEFAULT_TIMEBOX_MINUTES,
  formatDuration,
  parseTimebox,
  sessionProblem,
  sessionQuestions,
  startSession,
  type SessionInput,
} from '../../core/session.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import type { SessionScope } from '../../core/workbook-schema.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';
import { useAssessmentModel } from '../derived.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { useShell } from '../shell.js';

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export function SessionForm({ bank, apply, assessment }: AssessmentProps) {
  const shell = useShell();
  const nav = useNav();
  const model = useAssessmentModel(bank, assessment);
  const names = scopeNamesOf(bank);
  const assessmentId = assessment.id;
  const session = currentSession(assessment);
  const core = bank.questions.filter((q) => q.core === true).length;
  const fields: FieldSpec[] = [
    {
      kind: 'choice',
      id: 'scope',
      label: 'Questions',
      options: [
        { value: 'all', label: 'all' },
        { value: 'core', label: `core (${core})` },
        { value: 'dimensions', label: 'chosen dimensions' },
      ],
      hint: '←→ or Space change it',
    },
    {
      kind: 'multi',
      id: 'dimensions',
      label: 'Dimensions',
      options: bank.dimensions.map((d) => ({ value: d.id, label: plainLine(d.title) })),
      hint: 'for "chosen dimensions" · Space ticks',
    },
    { kind: 'text', id: 'timebox', label: 'Timebox', hint: 'minutes (90) or 1h30; empty: none' },
    ...(session
      ? [
          {
            kind: 'choice' as const,
            id: 'clock',
            label: 'Clock',
            options: [
              { value: 'go-on', label: `go on (${formatDuration(session.usedSeconds)} used)` },
              { value: 'new', label: 'new session at 0' },
            ],
            hint: '←→ or Space change it',
          },
        ]
      : []),
  ];
  const [initial] = useState<FormValues>(() => ({
    scope: session?.scope ?? 'core',
    dimensions: [...(session?.dimensions ?? [])],
    timebox: String(session ? (session.timeboxMinutes ?? '') : DEFAULT_TIMEBOX_MINUTES),
    ...(session ? { clock: 'go-on' } : {}),
  }));

  const inputOf = (values: FormValues): SessionInput | string => {
    const timebox = parseTimebox(str(values.timebox));
    if (timebox === null) return `"${plainLine(str(values.timebox))}" is not a timebox: write minutes (90) or hours and minutes (1h30), or leave it empty for none.`;
    const scope = str(values.scope) as SessionScope;
    const input: SessionInput = { scope, dimensions: Array.isArray(values.dimensions) ? values.dimensions : [], timeboxMinutes: timebox };
    const problem = sessionProblem(input);
    return problem ? problem.charAt(0).toUpperCase() + problem.slice(1) : input;
  };

  /** What the session would ask: the organisation-wide section and each journey, and the minutes at one a question. */
  const remark = (_field: string, values: FormValues): string | undefined => {
    const input = inputOf(values);
    if (typeof input === 'string') return undefined;
    const scoped = { scope: input.scope, dimensions: [...(input.dimensions ?? [])] };
    const own = (qs: readonly Question[]) => qs.filter((q) => !isOrganisationWide(q));
    const organisation = sessionQuestions(scoped, model.organisation.questions).length;
    const journeys = assessment.journeys.map((j) => ({ name: plainLine(j.name), n: sessionQuestions(scoped, own(model.questions.get(j.id) ?? [])).length }));
    const parts = [
      ...(model.organisation.questions.length > 0 ? [`${organisation} organisation-wide`] : []),
      ...journeys.slice(0, 3).map((j) => `${j.n} in ${j.name}`),
      ...(journeys.length > 3 ? [`${countOf(journeys.length - 3, names)} more`] : []),
    ];
    const first = organisation + (journeys[0]?.n ?? 0);
    if (parts.length === 0) return `Asks nothing yet: add ${withArticle(names.singular)}.`;
    const what = model.organisation.questions.length > 0 ? (journeys[0] ? `the organisation-wide section and the first ${names.singular} take` : 'the organisation-wide section takes') : `the first ${names.singular} takes`;
    return `Asks ${parts.join(', ')}; at a minute a question, ${what} ${formatDuration(first * 60)}.`;
  };

  const onSave = (values: FormValues): string | undefined => {
    const input = inputOf(values);
    if (typeof input === 'string') return input;
    const now = shell.now();
    const fresh = !session || str(values.clock) === 'new';
    apply((w) =>
      updateAssessment(w, assessmentId, (a) => {
        const current = currentSession(a);
        return fresh || !current ? startSession(a, input, a.facilitator, now).assessment : changeSession(a, current.id, input);
      }),
    );
    nav.back();
    return undefined;
  };

  return (
    <Form
      trail={[assessment.name, 'Session']}
      title={session ? `Session ${session.id}: what the walks ask, and the timebox` : 'A session: what the walks ask, and the timebox'}
      subtitle={session ? `${formatDuration(session.usedSeconds)} used so far; a new session starts its clock at 0.` : 'The walks ask only these questions; the header keeps the time.'}
      fields={fields}
      initial={initial}
      remark={remark}
      onSave={onSave}
      onLeave={() => nav.back()}
    />
  );
}
