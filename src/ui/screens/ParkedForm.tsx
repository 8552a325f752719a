/**
 * One item of the parking lot, added or edited: its text, whether it is an open question
 * or a decision, its owner and due date (and, when edited, open or closed). Ctrl-P opens
 * it over any screen of an assessment (the app draws it: App.tsx), linked to the
 * question the walk shows; the Parking lot screen opens it as a route to add or edit.
 * Nothing is saved until `parkedProblem` finds nothing wrong; its sentence shows instead.
 */
import { useState } from 'react';
import type { Bank } from '../../core/bank-schema.js';
import { addParked, parkedProblem, updateParked, type ParkedInput, type ParkedPlace } from '../../core/parking-lot.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { PARKED_STATUSES, type Assessment, type ParkedItem, type ParkedKind, type Workbook } from '../../core/workbook-schema.js';
import { Form, type FieldSpec, type FormValues } from '../components/Form.js';
import { Gone } from '../components/AssessmentGone.js';
import { useNav } from '../navigation.js';
import { raisedOn } from '../parking-lines.js';
import type { AssessmentProps } from '../screen-props.js';
import { useShell } from '../shell.js';

export const KIND_LABEL: Record<ParkedKind, string> = { question: 'open question', decision: 'decision' };
/** "open question", "decision"; closed: "question, closed", "decision, closed". */
export function kindWords(item: Pick<ParkedItem, 'kind' | 'status'>): string {
  if (item.status !== 'closed') return KIND_LABEL[item.kind];
  return `${item.kind === 'decision' ? 'decision' : 'question'}, closed`;
}

const STATUS_LABEL: Record<ParkedItem['status'], string> = { open: 'open', closed: 'closed' };

const FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'text', label: 'Text', hint: 'what the room could not settle, or what it decided' },
  { kind: 'choice', id: 'kind', label: 'Kind', options: (['question', 'decision'] as const).map((k) => ({ value: k, label: KIND_LABEL[k] })), hint: '←→ or Space change it' },
  { kind: 'text', id: 'owner', label: 'Owner', hint: 'who finds the answer out, or carries the decision out' },
  { kind: 'text', id: 'due', label: 'Due', hint: 'YYYY-MM-DD, e.g. 2027-01-31; empty for none' },
];
const STATUS_FIELD: FieldSpec = {
  kind: 'choice',
  id: 'status',
  label: 'Status',
  options: PARKED_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
  hint: 'closed: answered, or done; it leaves the exports and the count of open questions',
};

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** What a saved item is called in the sentence that says so: "Open question p3", "Decision p4". */
const named = (kind: ParkedKind, id: string) => `${kind === 'decision' ? 'Decision' : 'Open question'} ${id}`;

export interface ParkedFormProps {
  bank: Bank;
  assessment: Assessment;
  apply: (change: (w: Workbook) => Workbook) => void;
  /** The item edited; absent: a new one. */
  itemId?: string | undefined;
  /** The question a new item is raised on (Ctrl-P in the walk). */
  place?: ParkedPlace | undefined;
  trail: readonly string[];
  /** After saving: what was done, in a sentence, and the item's id. */
  onSaved: (said: string, id: string) => void;
  onLeave: () => void;
}

export function ParkedForm({ bank, assessment, apply, itemId, place, trail, onSaved, onLeave }: ParkedFormProps) {
  const shell = useShell();
  const assessmentId = assessment.id;
  // The item as it was on opening: the form does not follow changes while it is open.
  const [item] = useState(() => (itemId === undefined ? undefined : (assessment.parkingLot ?? []).find((i) => i.id === itemId)));
  const [initial] = useState<FormValues>(() => ({
    text: plainLine(item?.text ?? ''),
    kind: item?.kind ?? 'question',
    owner: plainLine(item?.owner ?? ''),
    due: item?.due ?? '',
    ...(item ? { status: item.status } : {}),
  }));
  if (itemId !== undefined && !item) return <Gone scope="form" what="item" />;

  const where = raisedOn(bank, assessment, item ?? place ?? {});
  const subtitle = where
    ? `Raised on ${where}`
    : item
      ? 'Not raised on a question.'
      : 'Not linked to a question (Ctrl-P in the walk links it to the question shown).';

  const onSave = (values: FormValues): string | undefined => {
    const kind = str(values.kind) as ParkedKind;
    // Text shown on one line is written back only when changed: a note's line breaks stay.
    const keep = (id: 'text' | 'owner', stored: string | undefined) => (stored !== undefined && str(values[id]) === str(initial[id]) ? stored : str(values[id]));
    const input: ParkedInput = { kind, text: keep('text', item?.text), owner: keep('owner', item?.owner), due: str(values.due) };
    const problem = parkedProblem(input);
    if (problem) return problem.charAt(0).toUpperCase() + problem.slice(1);
    const now = shell.now();
    if (item) {
      const status = str(values.status) as ParkedItem['status'];
      apply((w) => updateAssessment(w, assessmentId, (a) => updateParked(a, item.id, { ...input, status }, now)));
      const closedNow = status === 'closed' && item.status !== 'closed';
      const opened = status === 'open' && item.status === 'closed';
      onSaved(`${named(kind, item.id)} ${closedNow ? 'closed' : opened ? 'open again' : 'saved'}.`, item.id);
      return undefined;
    }
    let id = '';
    apply((w) =>
      updateAssessment(w, assessmentId, (a) => {
        const added = addParked(a, input, a.facilitator, now, place);
        id = added.id;
        return added.assessment;
      }),
    );
    onSaved(`${named(kind, id)} ${kind === 'decision' ? 'logged' : 'parked'}${place ? ' on this question' : ''}.`, id);
    return undefined;
  };

  const title = item ? `${item.id}: ${kindWords(item)}` : 'Park an open question, or log a decision';
  return (
    <Form
      trail={trail}
      title={title}
      subtitle={subtitle}
      fields={item ? [...FIELDS, STATUS_FIELD] : FIELDS}
      initial={initial}
      onSave={onSave}
      onLeave={onLeave}
    />
  );
}

/** The form as a screen of its own, opened from the Parking lot screen; Back returns to it. */
export function ParkedFormScreen({ bank, apply, assessment, itemId }: AssessmentProps & { itemId?: string | undefined }) {
  const nav = useNav();
  const shell = useShell();
  return (
    <ParkedForm
      bank={bank}
      assessment={assessment}
      apply={apply}
      itemId={itemId}
      trail={[assessment.name, 'Parking lot', itemId ?? 'New']}
      onSaved={(said, id) => {
        shell.notify(said);
        nav.back(id);
      }}
      onLeave={() => nav.back()}
    />
  );
}
