/**
 * The presenter's screens (issue 16), drawn from a snapshot as the source gives it:
 * waiting (and why), the question in large type with its options, the vote (a count
 * while hidden, who chose what once revealed), the end of the journey; at 80x24, 100x30
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
  { columns: 80, rows: 24 },
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

async function draw(snapshot: PresentSnapshot, size: { columns: number; rows: number }, bank = fixtureBank()) {
  const view = render(<PresentApp source={{ current: () => snapshot, subscribe: () => () => {} }} bank={bank} color={false} size={size} now={() => FIXED_NOW} workbookPath="workshop.json" />);
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
          [{ kind: 'none' }, 'cxray is not running on workshop.json: start `cxray --db workshop.json`'],
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
        // The room is told what comes next, not which keys the facilitator has.
        expect(frame).not.toMatch(/Enter|Esc|←|g goes/);
        fits(frame, size);
      });
    });
  }

  it('at 80x24 a revealed vote of eight shows every name and every option', async () => {
    const w = workbook();
    const names = ['Ana Almeida', 'Bea Brandt', 'Cy Castellanos', 'Dee Dimitrova', 'Ed Eriksson', 'Flo Fontaine', 'Gus Gallagher', 'Hal Hernandez'];
    const kinds = ['minimal', 'some', 'everything', 'unknown', 'na'] as const;
    const positions = names.map((name, i) => {
      const kind = kinds[i % kinds.length]!;
      return kind === 'unknown' || kind === 'na' ? { name, kind } : { name, kind: 'option' as const, optionId: kind };
    });
    const frame = await draw(
      { workbook: w, problem: undefined, presence: presence({ screen: 'question', assessmentId: 'q4', journeyId: 'phone-support', questionId: 'ticket-notes-content', index: 0, total: 4, vote: { voted: 8, voters: 8, positions } }) },
      { columns: 80, rows: 24 },
    );
    fits(frame, { columns: 80, rows: 24 });
    const words = frame.replace(/\s+/g, ' ');
    for (const name of names) expect(words).toContain(name);
    expect(frame).toContain('x  Not applicable');
  });

  it('at 80x24 the digits give way to a vote that would not fit under them, then each group of it takes one row', async () => {
    // Five options of two lines each: with the vote of eight, the screen is full without the digits.
    const bank = fixtureBank();
    const long = (label: string) => `${label}, as the team described it in the last review of this journey and its queues`;
    const longBank = { ...bank, questions: bank.questions.map((q) => (q.id === 'ticket-notes-content' ? { ...q, options: q.options.map((o) => ({ ...o, label: long(o.label) })) } : q)) };
    const names = ['Ana Almeida', 'Bea Brandt', 'Cy Castellanos', 'Dee Dimitrova', 'Ed Eriksson', 'Flo Fontaine', 'Gus Gallagher', 'Hal Hernandez'];
    const positions = names.map((name, i) => ({ name, kind: 'option' as const, optionId: (['minimal', 'some', 'everything'] as const)[i % 3] }));
    const place = (vote?: { voted: number; voters: number; positions: typeof positions }): PresentSnapshot => ({
      workbook: workbook(),
      problem: undefined,
      presence: presence({ screen: 'question', assessmentId: 'q4', journeyId: 'phone-support', questionId: 'ticket-notes-content', index: 0, total: 4, ...(vote ? { vote } : {}) }),
    });
    const plain = await draw(place(), { columns: 80, rows: 24 }, longBank);
    expect(plain).toMatch(/[█▀▄]/);
    const voting = await draw(place({ voted: 8, voters: 8, positions }), { columns: 80, rows: 24 }, longBank);
    fits(voting, { columns: 80, rows: 24 });
    expect(voting).not.toMatch(/[█▀▄]/);
    expect(voting).toContain('x  Not applicable');
    expect(voting).toContain('Votes: 8 of 8');
    // One row a group, cut at the edge: every group's count and label are there.
    const groups = voting.match(/^ {2}\d × .*$/gm) ?? [];
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(g.trimEnd()).toMatch(/…$/);
  });

  it('wraps a long option under its own text, not under its key', async () => {
    const bank = fixtureBank();
    const longBank = { ...bank, questions: bank.questions.map((q) => (q.id === 'ticket-notes-content' ? { ...q, options: q.options.map((o) => ({ ...o, label: `${o.label}, and more words than fit on one line of a terminal of eighty` })) } : q)) };
    const frame = await draw(
      { workbook: workbook(), problem: undefined, presence: presence({ screen: 'question', assessmentId: 'q4', journeyId: 'phone-support', questionId: 'ticket-notes-content', index: 0, total: 4 }) },
      { columns: 80, rows: 24 },
      longBank,
    );
    const lines = frame.split('\n');
    const first = lines.findIndex((l) => l.includes('1  Only case facts'));
    expect(first).toBeGreaterThan(-1);
    const column = lines[first]!.indexOf('Only');
    expect(lines[first + 1]!.slice(0, column).trim()).toBe('');
    expect(lines[first + 1]!.slice(column).trim().length).toBeGreaterThan(0);
  });

  it('below 80x24 says the terminal is too small, as the workbook does, and why', async () => {
    for (const size of [{ columns: 79, rows: 30 }, { columns: 100, rows: 23 }, { columns: 60, rows: 16 }]) {
      const frame = await draw({ workbook: workbook(), problem: undefined, presence: presence({ screen: 'question', assessmentId: 'q4', journeyId: 'phone-support', questionId: 'ticket-notes-content', index: 0, total: 4 }) }, size);
      expect(frame.replace(/\s+/g, ' ').trim()).toBe(`The terminal is too small (${size.columns}x${size.rows}); make it at least 80x24: smaller, a question and its answers no longer fit.`);
    }
  });

  it('says when the workbook could not be read, keeping the last good one', async () => {
    const frame = await draw(
      { workbook: workbook(), problem: 'workshop.json is not valid JSON', presence: presence({ screen: 'question', assessmentId: 'q4', journeyId: 'phone-support', questionId: 'ticket-notes-content', index: 0, total: 4 }) },
      { columns: 100, rows: 30 },
    );
    expect(frame).toContain('Question 1 of 4');
    expect(frame).toContain('! workshop.json is not valid JSON');
  });
});
