/**
 * The presenter's screens (issue 16), drawn from a snapshot as the source gives it:
 * waiting (and why), the question in large type with its options, the vote (a count
 * while hidden, who chose what once revealed), the end of the journey; at 60x16, 100x30
 * and 200x50 without colour; nothing from the workbook or the sidecar reaches the
 * terminal unfiltered.
 */
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { PresencePlace } from '../../src/core/presence.js';
import { presenceText, parsePresence } from '../../src/core/presence.js';
import { updateAssessment } from '../../src/core/workbook-ops.js';
import type { Workbook } from '../../src/core/workbook-schema.js';
import type { PresentSnapshot } from '../../src/store/present-source.js';
import { PresentApp } from '../../src/ui/present/PresentApp.js';
import { FIXED_NOW, fixtureBank, setUpWorkbook, tick, widestLine, withAnswers } from './app.js';

const SIZES = [
  { columns: 60, rows: 16 },
  { columns: 100, rows: 30 },
  { columns: 200, rows: 50 },
];

/** Q4 with a hostile journey name, and the ids the sidecar names. */
function workbook(): Workbook {
  const w = setUpWorkbook();
  const q4 = w.assessments[0]!;
  const phone = q4.journeys[0]!;
  return updateAssessment(w, q4.id, (a) => ({ ...a, journeys: a.journeys.map((j) => (j.id === phone.id ? { ...j, name: 'Phone \u001b[2J\u001b]0;pwned\u0007support' } : j)) }));
}

const presence = (place: PresencePlace): PresentSnapshot['presence'] => ({ kind: 'presence', presence: parsePresence(presenceText(place, process.pid, 'vm', FIXED_NOW))! });

async function draw(snapshot: PresentSnapshot, size: { columns: number; rows: number }) {
  const view = render(<PresentApp source={{ current: () => snapshot, subscribe: () => () => {} }} bank={fixtureBank()} color={false} size={size} now={() => FIXED_NOW} workbookPath="workshop.json" />);
  await tick();
  const frame = view.lastFrame() ?? '';
  view.unmount();
  return frame;
}

const fits = (frame: string, size: { columns: number; rows: number }) => {
  expect(widestLine(frame)).toBeLessThanOrEqual(size.columns);
  expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows);
  expect(frame).not.toMatch(/\u001b/);
};

describe('cxray present', () => {
  for (const size of SIZES) {
    describe(`at ${size.columns}x${size.rows}`, () => {
      it('waits, saying why: no cxray yet, another screen, cxray quit, a sidecar it cannot read', async () => {
        const w = workbook();
        for (const [read, why] of [
          [{ kind: 'none' }, 'No cxray has opened workshop.json yet'],
          [presence({ screen: 'elsewhere' }), 'cxray is open on another screen'],
          [presence({ screen: 'closed' }), 'cxray is not running on workshop.json'],
          [{ kind: 'unreadable' }, 'cannot be read'],
        ] as const) {
          const frame = await draw({ workbook: w, problem: undefined, presence: read }, size);
          expect(frame).toContain('Waiting for cxray to start a walk');
          expect(frame.replace(/\s+/g, ' ')).toContain(why);
          fits(frame, size);
        }
      });

      it('shows the question, its options, and the answer once given; the journey name filtered', async () => {
        const w = withAnswers(workbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'some' }]);
        const frame = await draw(
          { workbook: w, problem: undefined, presence: presence({ screen: 'question', assessmentId: 'q4', journeyId: 'phone-support', questionId: 'ticket-notes-content', index: 0, total: 4 }) },
          size,
        );
        expect(frame).toContain('Question 1 of 4');
        expect(frame).toContain('What do agents routinely type into ticket notes?');
        expect(frame).toContain('3  Full addresses');
        expect(frame).toContain('✓ the answer');
        expect(frame).toContain('Phone');
        expect(frame).not.toContain('pwned\u0007');
        fits(frame, size);
        // Block digits where there is room for them and the options.
        if (size.rows >= 30) expect(frame).toMatch(/[█▀▄]/);
      });

      it('a hidden vote shows its count only; revealed, who chose what and how far apart', async () => {
        const w = workbook();
        const place = (vote: NonNullable<Extract<PresencePlace, { screen: 'question' }>['vote']>): PresentSnapshot => ({
          workbook: w,
          problem: undefined,
          presence: presence({ screen: 'question', assessmentId: 'q4', journeyId: 'phone-support', questionId: 'ticket-notes-content', index: 0, total: 4, vote }),
        });
        const hidden = await draw(place({ voted: 2, voters: 3 }), size);
        expect(hidden).toContain('Voting: 2 of 3 voted');
        expect(hidden).not.toContain('Ana');
        const shown = await draw(
          place({ voted: 3, voters: 3, positions: [{ name: 'Ana', kind: 'option', optionId: 'minimal' }, { name: 'B\u001b[31men', kind: 'option', optionId: 'everything' }, { name: 'Cy', kind: 'unknown' }] }),
          size,
        );
        const words = shown.replace(/\s+/g, ' ');
        expect(words).toContain('Votes: 3 of 3 · levels 0 to 4 (4 apart) · ! disputed');
        expect(words).toContain('1 × Only case facts');
        expect(words).toContain(": Ana");
        expect(words).toContain("1 × We don't know: Cy");
        fits(shown, size);
      });

      it('shows the end of the journey', async () => {
        const w = withAnswers(workbook(), [{ journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything' }]);
        const frame = await draw({ workbook: w, problem: undefined, presence: presence({ screen: 'end', assessmentId: 'q4', journeyId: 'phone-support', total: 4 }) }, size);
        expect(frame).not.toContain('Waiting for cxray');
        expect(frame).toMatch(/questions are still unanswered|questions of this journey are answered/);
        fits(frame, size);
      });
    });
  }

  it('says when the workbook could not be read, keeping the last good one', async () => {
    const frame = await draw(
      { workbook: workbook(), problem: 'workshop.json is not valid JSON', presence: presence({ screen: 'question', assessmentId: 'q4', journeyId: 'phone-support', questionId: 'ticket-notes-content', index: 0, total: 4 }) },
      { columns: 100, rows: 30 },
    );
    expect(frame).toContain('Question 1 of 4');
    expect(frame).toContain('! workshop.json is not valid JSON');
  });
});
