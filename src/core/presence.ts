/**
 * Where the driving cxray is, for `cxray present` (issue 16): the small sidecar the TUI
 * writes beside the workbook (`<workbook>.present.json`) each time the walk shows another
 * question or the end of a journey. The presenter reads it as hostile input: any file at
 * all may be there (torn, huge, a stranger's, made up), so `parsePresence` keeps only
 * what the schema allows and says `undefined` for the rest. Ids are used to look things up
 * in the workbook and the bank, never shown; numbers are bounded. Pure: no I/O.
 */
import { z } from './zod.js';

/** The format of the sidecar; a presenter ignores one it does not know. */
export const PRESENCE_FORMAT = 1;

/** The most bytes of a sidecar a presenter reads (a real one is a few hundred). */
export const PRESENCE_MAX_BYTES = 4096;

const id = z.string().min(1).max(100);

export const PresenceSchema = z.strictObject({
  cxray: z.literal('presence'),
  format: z.literal(PRESENCE_FORMAT),
  /** The driving process: a presenter on the same host treats a sidecar whose process is gone as "no walk". */
  pid: z.number().int().min(1).max(2 ** 31),
  hostname: z.string().max(255),
  /** When it was written (ISO 8601). */
  at: z.iso.datetime({ offset: true }),
  /**
   * question: a question of a walk is shown; end: the end of a journey's walk (or of the
   * organisation-wide section); elsewhere: cxray is open on another screen; closed: it
   * stopped (what a sidecar whose process is gone reads as; on quit the driver removes it).
   */
  screen: z.enum(['question', 'end', 'elsewhere', 'closed']),
  assessmentId: id.optional(),
  /** The journey walked; null: the organisation-wide section. */
  journeyId: id.nullable().optional(),
  questionId: id.optional(),
  /** The question's place in the walk as the driver shows it: index 0-based, of total. */
  index: z.number().int().min(0).max(10_000).optional(),
  total: z.number().int().min(0).max(10_000).optional(),
  /**
   * A vote under way on the question: how many have voted of how many, and the positions
   * once they may be seen (an open vote, or a hidden one revealed); none before.
   */
  vote: z
    .strictObject({
      voted: z.number().int().min(0).max(100),
      voters: z.number().int().min(0).max(100),
      positions: z
        .array(z.strictObject({ name: z.string().min(1).max(200), kind: z.enum(['option', 'unknown', 'na']), optionId: id.optional() }))
        .max(100)
        .optional(),
    })
    .optional(),
});

export type Presence = z.infer<typeof PresenceSchema>;

/** What the driver says about where it is (the rest of the sidecar is filled in when written). */
export type PresenceVote = NonNullable<Presence['vote']>;

export type PresencePlace =
  | { screen: 'question'; assessmentId: string; journeyId: string | null; questionId: string; index: number; total: number; vote?: PresenceVote }
  | { screen: 'end'; assessmentId: string; journeyId: string | null; total: number }
  | { screen: 'elsewhere' | 'closed' };

/** The sidecar's text for a place. */
export function presenceText(place: PresencePlace, pid: number, hostname: string, now: Date): string {
  const presence: Presence = { cxray: 'presence', format: PRESENCE_FORMAT, pid, hostname, at: now.toISOString(), ...place };
  return `${JSON.stringify(presence)}\n`;
}

/** The sidecar read back; undefined for anything that is not one (too long, not JSON, another shape). */
export function parsePresence(text: string): Presence | undefined {
  if (text.length > PRESENCE_MAX_BYTES) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = PresenceSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Two places the same (a write is skipped when nothing moved). */
export function samePlace(a: PresencePlace | undefined, b: PresencePlace | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
