/**
 * What an organisation claims about its controls (a Statement of Applicability, an audit
 * result exported from a GRC tool): per framework and control id, a status, when it was
 * last audited and by whom or in which report. Pure: types and the schema only.
 */
import { z } from '../zod.js';
import { FRAMEWORKS } from '../bank-schema.js';

export const CLAIM_STATUSES = ['implemented', 'partially', 'not-implemented', 'not-applicable'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** How each status is written for people (and accepted in a claims file). */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  implemented: 'implemented',
  partially: 'partially implemented',
  'not-implemented': 'not implemented',
  'not-applicable': 'not applicable',
};

export const ControlClaimSchema = z.strictObject({
  framework: z.enum(FRAMEWORKS),
  controlId: z.string().min(1).max(40),
  status: z.enum(CLAIM_STATUSES),
  /** YYYY-MM-DD: when the control was last audited; null when the file does not say. */
  auditedOn: z.iso.date().nullable(),
  /** The auditor, or the report the claim comes from ('' when not given). */
  reference: z.string().max(200),
});

export type ControlClaim = z.infer<typeof ControlClaimSchema>;
