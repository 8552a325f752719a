/** The workbook the end-of-walk summary is tested on (test/ui/section-summary.test.ts works its figures out by hand). */
import type { Bank } from '../../src/core/bank-schema.js';
import { addParked } from '../../src/core/parking-lot.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, fixtureBank, setUpWorkbook, withAnswers } from './app.js';

/**
 * Phone support: notes "everything" (w 2, L 4: r 2·3·1 = 6, note-guidance), attachments
 * "kept" and disputed (w 2, L 3: r 2·3·0.75 = 4.5, note-guidance), bulk export unknown
 * (w 3: r 9, a generated Find-out), access log "days" (w 2, L 2: r 2·3·0.5 = 3, export-alert).
 * Chat: notes unknown (r 2·1·1 = 2, sample-notes), bulk export "never" (w 3, L 4: r 3,
 * export-alert), attachments "forever" (w 2, L 4: r 2, note-guidance).
 * So note-guidance R = 6 + 4.5 + 2 = 12.5 (P 12.5/3), export-alert R = 3 + 3 = 6 (P 2):
 * note-guidance ranks 1, export-alert 2; Find out: the generated one (9) 1, sample-notes (2) 2.
 * `last: false` leaves Phone support's last question (the access log) unanswered.
 */
export function answered(bank: Bank = fixtureBank(), { last = true }: { last?: boolean } = {}): Workbook {
  return withAnswers(setUpWorkbook(bank), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified' },
    { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'option', optionId: 'kept', confidence: 'disputed', by: 'Ben' },
    { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'unknown' },
    ...(last ? [{ journeyId: 'phone-support', questionId: 'access-log-answer-time', kind: 'option' as const, optionId: 'days', confidence: 'reported' as const }] : []),
    { journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'unknown' },
    { journeyId: 'chat', questionId: 'bulk-export-detection', kind: 'option', optionId: 'never', confidence: 'reported' },
    { journeyId: 'chat', questionId: 'attachment-expiry', kind: 'option', optionId: 'forever', confidence: 'reported' },
  ]);
}

/** Open questions parked on Phone support's attachments (overdue) and on Chat's bulk export; one on no question; a decision. */
export function withParked(workbook: Workbook): Workbook {
  return updateAssessment(workbook, 'q4', (a) => {
    let next = addParked(a, { kind: 'question', text: 'Ask the vendor how long recordings stay', owner: 'Kim', due: '2026-11-01' }, 'Ana', FIXED_NOW, {
      journeyId: 'phone-support',
      questionId: 'attachment-expiry',
    }).assessment;
    next = addParked(next, { kind: 'question', text: 'Who reads the export report?' }, 'Ana', FIXED_NOW, { journeyId: 'chat', questionId: 'bulk-export-detection' }).assessment;
    next = addParked(next, { kind: 'question', text: 'Raised on no question' }, 'Ana', FIXED_NOW).assessment;
    return addParked(next, { kind: 'decision', text: 'A decision, not an open question' }, 'Ana', FIXED_NOW, { journeyId: 'phone-support', questionId: 'attachment-expiry' })
      .assessment;
  });
}

/** The starter bank with bulk-export-detection asked once for the organisation. */
export function organisationBank(): Bank {
  const bank = fixtureBank();
  return { ...bank, questions: bank.questions.map((q) => (q.id === 'bulk-export-detection' ? { ...q, scope: 'organisation' as const } : q)) };
}
