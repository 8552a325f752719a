/**
 * The evidence form's rules, apart from drawing (EvidenceForm.tsx): its fields, what it
 * starts with, and what the values typed mean. Where: one field takes a link (http or
 * https) or a file path; a path is made absolute against the folder cxray runs in, and
 * the screen has the store hash it before anything is saved. Every line is filtered for
 * the terminal and refused, with one sentence, when it looks like customer data: the
 * workbook keeps a reference to the evidence, never the data it shows. Pure: no I/O.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Question } from '../core/bank-schema.js';
import { evidenceProblem, expiryOf, type EvidenceInput } from '../core/evidence.js';
import { describePii, findPii } from '../core/pii.js';
import { plainLine } from '../core/terminal-text.js';
import type { EvidenceStatus } from '../core/workbook-schema.js';
import type { FieldSpec, FormValues } from './components/Form.js';

const STATUS_LABEL: Record<EvidenceStatus, string> = { accepted: 'accepted', rejected: 'rejected' };

export const EVIDENCE_FIELDS: readonly FieldSpec[] = [
  { kind: 'text', id: 'where', label: 'Link or file', hint: 'an http(s) link, or the path of a file (its SHA-256 and size are kept, not the file)' },
  { kind: 'text', id: 'shows', label: 'What it shows', hint: 'one line, e.g. "export of the retention job settings"; no customer data' },
  { kind: 'text', id: 'collectedBy', label: 'Collected by', hint: 'who saw or fetched it' },
  { kind: 'text', id: 'collectedOn', label: 'Collected on', hint: 'YYYY-MM-DD, the day it was collected (not after today)' },
  { kind: 'text', id: 'expiresOn', label: 'Expires', hint: '' },
  {
    kind: 'choice',
    id: 'status',
    label: 'Status',
    options: (['accepted', 'rejected'] as const).map((s) => ({ value: s, label: STATUS_LABEL[s] })),
    hint: 'accepted: it shows the answer (the answer counts as verified); rejected: it does not · ←→ or Space',
  },
  { kind: 'text', id: 'reason', label: 'Why rejected', hint: 'only for rejected evidence: what it fails to show' },
];

/** The values the form opens with: collected today by `collectedBy`, accepted. */
export function evidenceFormInitial(collectedBy: string, today: string): FormValues {
  return { where: '', shows: '', collectedBy: plainLine(collectedBy), collectedOn: today, expiresOn: '', status: 'accepted', reason: '' };
}

/** What the Expires field's hint says about leaving it empty, for the collected day typed. */
export function expiryHint(question: Pick<Question, 'lifetimeDays'>, collectedOn: string): string {
  const empty = 'YYYY-MM-DD, or empty';
  if (question.lifetimeDays === undefined) return `${empty}: it does not expire (the question has no lifetime)`;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(collectedOn) ? expiryOf({ collectedOn }, question) : null;
  return `${empty}: the question's lifetime, ${question.lifetimeDays} days${day ? ` (to ${day})` : ''}`;
}

export type ReadEvidence =
  | { problem: string }
  /** `path`: absolute, to hash before saving. */
  | { input: Omit<EvidenceInput, 'journeyId' | 'questionId' | 'sha256' | 'size'>; path?: string };

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

const FIELD_NAMES: Record<string, string> = { where: 'The link or path', shows: 'What it shows', collectedBy: 'Who collected it', reason: 'Why it was rejected' };

/**
 * What the form's values mean, or the one sentence that says what to fix. `cwd`: where a
 * relative path starts. The file itself is not read here.
 */
export function readEvidenceForm(values: FormValues, today: string, cwd: string): ReadEvidence {
  const line = (id: string) => plainLine(text(values[id])).trim();
  for (const id of ['where', 'shows', 'collectedBy', 'reason']) {
    const found = findPii(line(id));
    if (found.length > 0) return { problem: `${FIELD_NAMES[id]} looks like customer data (${describePii(found)}); describe the evidence without it.` };
  }
  const where = line('where');
  const isLink = /^[a-z][a-z0-9+.-]*:\/\//i.test(where);
  const path = where === '' || isLink ? undefined : isAbsolute(where) ? where : resolve(cwd, where);
  const status = text(values.status) === 'rejected' ? 'rejected' : 'accepted';
  const input: Omit<EvidenceInput, 'journeyId' | 'questionId' | 'sha256' | 'size'> = {
    ...(isLink ? { link: where } : {}),
    ...(path !== undefined ? { path } : {}),
    shows: line('shows'),
    collectedBy: line('collectedBy'),
    collectedOn: line('collectedOn'),
    ...(line('expiresOn') !== '' ? { expiresOn: line('expiresOn') } : {}),
    status,
    ...(status === 'rejected' ? { reason: line('reason') } : {}),
  };
  const problem = evidenceProblem(input, today);
  if (problem) return { problem };
  return path !== undefined ? { input, path } : { input };
}
