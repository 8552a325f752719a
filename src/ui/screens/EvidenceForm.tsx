/**
 * Evidence added to one answer (issue 18), from the walk (`e`) or the answers behind a
 * score: a link or a file, what it shows, who collected it and when, its expiry and
 * whether it was accepted. The values are read by evidence-form.ts; a file is hashed by
 * the store when Save is pressed, and a file that cannot be read is said in the form,
 * with nothing saved. The evidence backs the option the answer holds when it is added.
 */
import { useState } from 'react';
import { addEvidence, answerFor, hasExpired, indexEvidence, evidenceKey, evidenceStanding } from '../../core/evidence.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { setRequest } from '../../core/evidence-requests.js';
import { EvidenceFileError, fingerprintFileNow, type FileFingerprint } from '../../store/evidence-files.js';
import { Form, type FormValues } from '../components/Form.js';
import { Gone } from '../components/AssessmentGone.js';
import { EVIDENCE_FIELDS, evidenceFormInitial, expiryHint, readEvidenceForm } from '../evidence-form.js';
import { useReport } from '../derived.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { useShell } from '../shell.js';
import { plural } from '../words.js';

export function EvidenceForm({
  bank,
  apply,
  assessment,
  journeyId,
  questionId,
  collectedBy,
  requestId,
}: AssessmentProps & { journeyId: string | null; questionId: string; collectedBy?: string | undefined; requestId?: string | undefined }) {
  const shell = useShell();
  const nav = useNav();
  const report = useReport(bank, assessment);
  const request = requestId === undefined ? undefined : report.evidence?.requests.find((r) => r.id === requestId);
  const assessmentId = assessment.id;
  const today = shell.now().toISOString().slice(0, 10);
  const [initial] = useState<FormValues>(() => evidenceFormInitial(collectedBy ?? assessment.facilitator, today));
  const question = bank.questions.find((q) => q.id === questionId);
  const journey = journeyId === null ? undefined : assessment.journeys.find((j) => j.id === journeyId);
  const answer = answerFor(assessment, journeyId, questionId);
  if (!question || (journeyId !== null && !journey)) return <Gone scope="form" what="question" />;
  const option = answer?.kind === 'option' ? question.options.find((o) => o.id === answer.optionId) : undefined;

  const list = indexEvidence(assessment.evidence).get(evidenceKey(journeyId, questionId)) ?? [];
  const standing = evidenceStanding(list, answer, question, today);
  const where = journey ? plainLine(journey.name) : 'Organisation-wide';
  const held = list.length === 0 ? 'no evidence yet' : `${plural(list.length, 'item')} of evidence${standing === 'current' ? ', verified' : standing === 'lapsed' ? ', all expired' : ''}`;
  const title = `Add evidence · the answer: ${option ? plainLine(option.label) : 'none with an option'}`;
  const subtitle = `${request ? `${request.id} · ` : ''}${where} · ${held} · ${plainLine(question.prompt)}`;

  const onSave = (values: FormValues): string | undefined => {
    const read = readEvidenceForm(values, today, process.cwd());
    if ('problem' in read) return read.problem;
    // The answer as it stands now (it may have changed on disk while the form was open).
    const now = answerFor(assessment, journeyId, questionId);
    if (now?.kind !== 'option') return 'The answer has no option any more; answer the question again, then add the evidence.';
    let file: FileFingerprint | undefined;
    if (read.path !== undefined) {
      try {
        file = fingerprintFileNow(read.path);
      } catch (error) {
        if (!(error instanceof EvidenceFileError)) throw error;
        return `The file ${plainLine(read.path)} cannot be read (${error.reason}); give the path of a file that exists.`;
      }
    }
    const at = shell.now();
    let id = '';
    apply((w) =>
      updateAssessment(w, assessmentId, (a) => {
        const added = addEvidence(a, { ...read.input, journeyId, questionId, ...(file ?? {}), ...(request ? { requestId: request.id } : {}) }, a.facilitator, at);
        id = added.evidence.id;
        if (!request) return added.assessment;
        // The request it answers follows the evidence: accepted, or rejected (better evidence wanted).
        const status = added.evidence.status;
        return setRequest(added.assessment, { id: request.id, journeyId, questionId, status }, request, a.facilitator, at);
      }),
    );
    const expired = read.input.status !== 'rejected' && hasExpired(read.input, question, today);
    const marked = request ? `; its request is ${read.input.status === 'rejected' ? 'rejected' : 'accepted'}.` : '.';
    shell.notify(
      (read.input.status === 'rejected'
        ? `Evidence ${id} recorded as rejected: the answer keeps its confidence`
        : expired
          ? `Evidence ${id} added, but it has already expired: the answer is not verified by it`
          : `Evidence ${id} added: the answer counts as verified`) + marked,
    );
    nav.back();
    return undefined;
  };

  return (
    <Form
      trail={[assessment.name, where, 'Evidence']}
      title={title}
      subtitle={subtitle}
      fields={EVIDENCE_FIELDS}
      initial={initial}
      remark={(field, values) => (field === 'expiresOn' ? expiryHint(question, typeof values.collectedOn === 'string' ? values.collectedOn.trim() : '') : undefined)}
      onSave={onSave}
      onLeave={() => nav.back()}
      customerData="refuse"
    />
  );
}
