import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyImport, planImport, type ImportRow } from '../../src/core/import-answers.js';
import { questionsFor } from '../../src/core/journey-questions.js';
import { adoptOrganisationScope } from '../../src/core/organisation.js';
import { buildReport } from '../../src/core/report.js';
import type { Answer, Assessment } from '../../src/core/workbook-schema.js';
import { renderCsvAnswers } from '../../src/export/csv-report.js';
import { parseCsv, restoreCell } from '../../src/export/csv.js';
import { GOLDEN_NOW, goldenBank, goldenWorkbook } from '../export/golden-fixtures.js';
import { heldOutBank, heldOutWorkbook, SAMM_PATH } from '../helpers/held-out.js';

const bank = goldenBank();
const demo = goldenWorkbook(bank).assessments[0]!;
const LATER = new Date(GOLDEN_NOW.getTime() + 3_600_000);

function rowsOf(text: string): [ImportRow, ImportRow[]] {
  const [header, ...rows] = parseCsv(text).map((r) => ({ line: r.line, cells: r.cells.map(restoreCell) }));
  return [header!, rows];
}

function importText(text: string, into: Assessment, file = 'answers.csv') {
  const [header, rows] = rowsOf(text);
  return planImport(bank, into, header, rows, LATER, file);
}

const byKey = (answers: readonly Answer[]) => [...answers].sort((a, b) => `${a.journeyId}/${a.questionId}`.localeCompare(`${b.journeyId}/${b.questionId}`));

describe('importing the answers CSV export', () => {
  const csv = renderCsvAnswers(buildReport(bank, demo, GOLDEN_NOW));

  it('changes nothing in the assessment it came from', () => {
    const result = importText(csv, demo);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes.every((c) => c.status === 'unchanged')).toBe(true);
    expect(result.changes).toHaveLength(demo.answers.length);
    expect(applyImport(demo, result.changes)).toBe(demo);
  });

  it('restores identical answers into the same journeys without answers', () => {
    const empty = { ...demo, answers: [] };
    const result = importText(csv, empty);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes.every((c) => c.status === 'added')).toBe(true);
    // Imported answers are given now: the demo's marks of answers carried over from its last cycle do not travel;
    // its votes do (the vote and positions columns).
    const given = demo.answers.map(({ carriedOver: _mark, ...answer }) => answer);
    expect(given).not.toEqual(demo.answers);
    expect(given.filter((a) => a.vote).length).toBeGreaterThan(0);
    expect(byKey(applyImport(empty, result.changes).answers)).toEqual(byKey(given));
  });

  it('round-trips any answers (property): notes with commas, quotes, line breaks and formula characters, votes with any names', () => {
    const journeys = demo.journeys;
    const slots = journeys.flatMap((j) => questionsFor(bank, j, demo).map((q) => ({ j, q })));
    const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', "'", '\n', '\t', '=', '+', '-', '@', '|', 'é', '🟥'), maxLength: 30 });
    const answer = fc.record({
      slot: fc.nat({ max: slots.length - 1 }),
      kind: fc.constantFrom('option', 'unknown', 'na'),
      option: fc.nat({ max: 7 }),
      confidence: fc.constantFrom(undefined, 'verified', 'reported', 'disputed'),
      policy: fc.constantFrom(undefined, 'documented', 'none'),
      note: text,
      by: text.map((t) => t.replace(/\n/g, ' ').trim()),
      at: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: GOLDEN_NOW, noInvalidDate: true }),
      // Names with the characters the positions cell uses (": ", line breaks are never in a name as exported) and formula ones.
      vote: fc.option(
        fc.record({
          hidden: fc.boolean(),
          positions: fc.uniqueArray(
            fc.record({
              name: fc.string({ unit: fc.constantFrom('a', 'B', ' ', ':', ',', '"', '=', '+', '-', '@', '|', 'é'), minLength: 1, maxLength: 12 }).map((n) => n.trim()).filter((n) => n !== ''),
              kind: fc.constantFrom('option', 'unknown', 'na'),
              option: fc.nat({ max: 7 }),
            }),
            { selector: (p) => p.name.toLowerCase().replace(/\s+/g, ' '), minLength: 1, maxLength: 6 },
          ),
        }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(answer, { selector: (a) => a.slot, maxLength: 25 }), (drawn) => {
        const answers: Answer[] = drawn.map((d) => {
          const { j, q } = slots[d.slot]!;
          const vote = d.vote && {
            hidden: d.vote.hidden,
            positions: d.vote.positions.map((p) => (p.kind === 'option' ? { name: p.name, kind: 'option' as const, optionId: q.options[p.option % q.options.length]!.id } : { name: p.name, kind: p.kind as 'unknown' | 'na' })),
          };
          const base = { journeyId: j.id, questionId: q.id, note: d.note, by: d.by, at: d.at.toISOString(), ...(vote ? { vote } : {}) };
          if (d.kind !== 'option') return { ...base, kind: d.kind as 'unknown' | 'na', ...(d.policy ? { policy: d.policy as Answer['policy'] } : {}) };
          return {
            ...base,
            kind: 'option' as const,
            optionId: q.options[d.option % q.options.length]!.id,
            ...(d.confidence ? { confidence: d.confidence as Answer['confidence'] } : {}),
            ...(d.policy ? { policy: d.policy as Answer['policy'] } : {}),
          };
        });
        const source = { ...demo, answers };
        const exported = renderCsvAnswers(buildReport(bank, source, GOLDEN_NOW));
        const empty = { ...demo, answers: [] };
        const result = importText(exported, empty);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(byKey(applyImport(empty, result.changes).answers)).toEqual(byKey(answers));
      }),
      { numRuns: 150 },
    );
  });
});

describe('organisation answers and overrides', () => {
  // The golden bank with three of its questions asked once for the whole assessment; the
  // demo's journey answers to them become organisation answers, and the journeys that
  // answered differently keep overrides (SCORING.md, "Migration").
  const wideIds = new Set(['notes-content', 'export-rights', 'leaver-access']);
  const wideBank = { ...bank, questions: bank.questions.map((q) => (wideIds.has(q.id) ? { ...q, scope: 'organisation' as const } : q)) };
  const adopted = adoptOrganisationScope(wideBank, demo);
  const org = adopted.assessment;
  const header = 'journey,question id,answer,confidence,policy,note';
  const phone = demo.journeys[0]!;
  const run = (text: string, into: Assessment) => {
    const [h, rows] = rowsOf(text);
    return planImport(wideBank, into, h, rows, LATER, 'answers.csv');
  };

  it('the fixture has organisation answers and overrides to carry', () => {
    expect(org.organisationAnswers.map((a) => a.questionId).sort()).toEqual([...wideIds].sort());
    expect(adopted.overrides).toBeGreaterThan(0);
  });

  it('export -> import changes nothing: organisation rows, overrides and journey answers all read back as they are', () => {
    const csv = renderCsvAnswers(buildReport(wideBank, org, GOLDEN_NOW));
    const organisationRows = csv.split('\r\n').filter((line) => line.startsWith('organisation,'));
    expect(organisationRows).toHaveLength(3);
    const result = run(csv, org);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes.every((c) => c.status === 'unchanged')).toBe(true);
    expect(result.changes).toHaveLength(org.answers.length + org.organisationAnswers.length);
    expect(result.changes.filter((c) => c.journey === null)).toHaveLength(3);
    expect(applyImport(org, result.changes)).toBe(org);
  });

  it('restores the organisation answers and the overrides into an empty assessment', () => {
    const csv = renderCsvAnswers(buildReport(wideBank, org, GOLDEN_NOW));
    const empty = { ...org, answers: [], organisationAnswers: [] };
    const result = run(csv, empty);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const restored = applyImport(empty, result.changes);
    const strip = <T extends { carriedOver?: boolean }>(list: readonly T[]) => list.map(({ carriedOver: _mark, ...a }) => a);
    expect(byKey(restored.answers)).toEqual(byKey(strip(org.answers) as Answer[]));
    const byQuestion = <T extends { questionId: string }>(list: readonly T[]) => [...list].sort((a, b) => a.questionId.localeCompare(b.questionId));
    expect(byQuestion(restored.organisationAnswers)).toEqual(byQuestion(strip(org.organisationAnswers)));
  });

  it('sets an organisation answer from an "organisation" row and an override from a journey row', () => {
    const text = [header, 'organisation,export-rights,named-few,verified,,agreed for all', `${phone.name},export-rights,every-agent,reported,,this line works around it`].join('\r\n');
    const none = { ...org, organisationAnswers: org.organisationAnswers.filter((a) => a.questionId !== 'export-rights'), answers: org.answers.filter((a) => a.questionId !== 'export-rights') };
    const result = run(text, none);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes.map((c) => [c.status, c.journey?.id ?? null])).toEqual([
      ['added', null],
      ['added', phone.id],
    ]);
    const next = applyImport(none, result.changes);
    expect(next.organisationAnswers.find((a) => a.questionId === 'export-rights')).toEqual({
      questionId: 'export-rights', kind: 'option', optionId: 'named-few', confidence: 'verified', note: 'agreed for all', by: '', at: LATER.toISOString(),
    });
    expect(next.answers.filter((a) => a.questionId === 'export-rights')).toEqual([
      { journeyId: phone.id, questionId: 'export-rights', kind: 'option', optionId: 'every-agent', confidence: 'reported', note: 'this line works around it', by: '', at: LATER.toISOString() },
    ]);
  });

  it('refuses an "organisation" row on a journey question, and a second organisation row, each with its line', () => {
    const text = [header, 'organisation,session-replay,masked,,,', 'Organisation,export-rights,named-few,,,', 'organisation,export-rights,team-leads,,,'].join('\r\n');
    const result = run(text, org);
    expect(result).toEqual({
      ok: false,
      problems: [
        'answers.csv:2: "organisation" names the organisation answer, but question "session-replay" is asked per journey; put the name or id of a journey in the journey column.',
        'answers.csv:4: a second organisation answer for "export-rights" (the first is on line 3); keep one.',
      ],
    });
  });
});

describe('checking every row first', () => {
  const header = 'journey,question id,answer,confidence,policy,note';
  const phone = demo.journeys[0]!;

  it('reports every problem with its line, and accepts nothing', () => {
    const text = [
      header,
      `${phone.name},notes-content,everything,verified,documented,ok`, // line 2: valid
      `${phone.name},foo,everything,,,`, // 3: unknown question
      `Nowhere,notes-content,everything,,,`, // 4: unknown journey
      `${phone.id},export-rights,sometimes,,,`, // 5: unknown option
      `${phone.id},leaver-access,same-day,sure,,`, // 6: unknown confidence
      `${phone.id},bulk-export-detection,unknown,verified,,`, // 7: confidence on unknown
      `${phone.id},access-question,minutes,,maybe,`, // 8: unknown policy
      `${phone.name},notes-content,na,,,`, // 9: a second answer for the same question
      `${phone.name},session-replay,masked,,,`, // 10: does not apply to a voice journey
      `${phone.name},export-copies,,,,`, // 11: empty answer
      `"multi`,
      `line",export-copies,none,,,`, // 12-13: unknown journey on a record that starts on line 12
    ].join('\r\n');
    const result = importText(text, demo, 'file.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.slice(0, p.indexOf(':', 9) + 1))).toEqual([
      'file.csv:3:',
      'file.csv:4:',
      'file.csv:5:',
      'file.csv:6:',
      'file.csv:7:',
      'file.csv:8:',
      'file.csv:9:',
      'file.csv:10:',
      'file.csv:11:',
      'file.csv:12:',
    ]);
    expect(result.problems[0]).toBe('file.csv:3: unknown question id "foo"; `cxray export --format csv --answers` lists the ids in use.');
    expect(result.problems[1]).toMatch(/^file\.csv:4: unknown journey "Nowhere"; the assessment has "Phone support with call recording", /);
    expect(result.problems[2]).toMatch(/unknown answer "sometimes" to question "export-rights"; use one of "named-few", "team-leads", "every-agent", "unknown", "na"\.$/);
    expect(result.problems[6]).toMatch(/a second answer for "Phone support with call recording" and "notes-content" \(the first is on line 2\)/);
    expect(result.problems[7]).toMatch(/question "session-replay" does not apply to the journey/);
  });

  it('names the missing columns of the header', () => {
    const result = importText('journey,question,answer\r\nx,y,z\r\n', demo, 'f.csv');
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^f\.csv:1: the header lacks the columns "question id", "confidence", "policy", "note"; /)],
    });
  });

  it('keeps terminal controls out of its messages', () => {
    const result = importText(`${header}\r\n\u001b[2J\u001b]0;pwned\u0007Evil,notes-content,none,,,\r\n`, demo);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).not.toMatch(/[\u001b\u0007]/);
  });

  it('records a changed answer with the time of the import, and counts added, changed and unchanged', () => {
    const text = [
      `${header},by,at`,
      ...demo.answers.slice(0, 3).map((a, i) => {
        const journey = demo.journeys.find((j) => j.id === a.journeyId)!;
        const answer = a.kind === 'option' ? a.optionId : a.kind;
        // row 1 as it is; row 2 with a new note, its export date kept; row 3 unchanged too
        return [journey.name, a.questionId, answer, a.confidence ?? '', a.policy ?? '', i === 1 ? 'A new note' : a.note, a.by, a.at].map((c) => `"${c!.replace(/"/g, '""')}"`).join(',');
      }),
    ].join('\r\n');
    const result = importText(text, demo);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes.map((c) => c.status)).toEqual(['unchanged', 'changed', 'unchanged']);
    const changed = result.changes[1]!;
    expect(changed.status === 'changed' && changed.after).toMatchObject({ note: 'A new note', at: LATER.toISOString() });
    const next = applyImport(demo, result.changes);
    expect(next.answers).toHaveLength(demo.answers.length);
    expect(next.answers[1]!.note).toBe('A new note');
  });
});

describe('votes in the answers CSV (the vote and positions columns)', () => {
  const header = 'journey,question id,answer,confidence,policy,note,vote,positions';
  const phone = demo.journeys[0]!;
  const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const voted = demo.answers.find((a) => a.vote)!;

  it('reads the positions back, one "Name: answer" a line, into the answer they settled', () => {
    const text = [header, `${phone.id},export-copies,none,reported,,,open,${cell('Ana Almeida: none\nBo: shared-drive\nCy: Jr.: unknown\n\n  Dee : NA  ')}`].join('\r\n');
    const result = importText(text, { ...demo, answers: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.changes[0]!.status === 'added' && result.changes[0]!.after.vote).toEqual({
      hidden: false,
      // The answer is after the last colon (ids have none), so a name may hold one; blank lines and spaces around are dropped.
      positions: [
        { name: 'Ana Almeida', kind: 'option', optionId: 'none' },
        { name: 'Bo', kind: 'option', optionId: 'shared-drive' },
        { name: 'Cy: Jr.', kind: 'unknown' },
        { name: 'Dee', kind: 'na' },
      ],
    });
  });

  it('a vote changed in the file is a changed answer; emptied, the vote is gone', () => {
    const journey = demo.journeys.find((j) => j.id === voted.journeyId)!;
    const row = (vote: string, positions: string) =>
      [journey.id, voted.questionId, voted.optionId!, voted.confidence ?? '', voted.policy ?? '', cell(voted.note), vote, cell(positions)].join(',');
    const same = voted.vote!.positions.map((p) => `${p.name}: ${p.optionId ?? p.kind}`).join('\n');
    const unchanged = importText([header, row(voted.vote!.hidden ? 'hidden' : 'open', same)].join('\r\n'), demo);
    expect(unchanged.ok && unchanged.changes.map((c) => c.status)).toEqual(['unchanged']);
    const reopened = importText([header, row(voted.vote!.hidden ? 'open' : 'hidden', same)].join('\r\n'), demo);
    expect(reopened.ok && reopened.changes.map((c) => c.status)).toEqual(['changed']);
    const emptied = importText([header, row('', '')].join('\r\n'), demo);
    expect(emptied.ok).toBe(true);
    if (!emptied.ok) return;
    expect(emptied.changes[0]!.status).toBe('changed');
    const next = applyImport(demo, emptied.changes);
    expect(next.answers.find((a) => a.journeyId === voted.journeyId && a.questionId === voted.questionId)!.vote).toBeUndefined();
  });

  it('without the vote columns (an older file) a vote stays while the answer keeps its choice, and goes with a new one', () => {
    const journey = demo.journeys.find((j) => j.id === voted.journeyId)!;
    const question = bank.questions.find((q) => q.id === voted.questionId)!;
    const other = question.options.find((o) => o.id !== voted.optionId)!.id;
    const text = ['journey,question id,answer,confidence,policy,note', [journey.id, voted.questionId, voted.optionId!, voted.confidence ?? '', voted.policy ?? '', cell(`${voted.note} More.`)].join(',')].join('\r\n');
    const kept = importText(text, demo);
    expect(kept.ok && kept.changes[0]!.status === 'changed' && kept.changes[0]!.after.vote).toEqual(voted.vote);
    const moved = importText(text.replace(`,${voted.optionId},`, `,${other},`), demo);
    expect(moved.ok && moved.changes[0]!.status === 'changed' && moved.changes[0]!.after.vote).toBeUndefined();
  });

  it('reports each problem of a vote with its line and which position, and accepts nothing', () => {
    const text = [
      header,
      `${phone.id},export-copies,none,,,,open,${cell('Ana: none')}`, // line 2: valid
      `${phone.id},notes-content,everything,,,,maybe,${cell('Ana: everything')}`, // 3: unknown vote
      `${phone.id},export-rights,every-agent,,,,hidden,`, // 4: a vote without positions
      `${phone.id},leaver-access,same-day,,,,,${cell('Ana: same-day')}`, // 5: positions without a vote
      `${phone.id},bulk-export-detection,days,,,,open,${cell('Ana: days\nBo days\nana: never\nCy: sometimes')}`, // 6: no colon, twice, unknown answer
    ].join('\r\n');
    const result = importText(text, demo, 'file.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'file.csv:3: unknown vote "maybe"; use hidden, open or leave it empty (no vote).',
      'file.csv:4: the vote is hidden but the positions are empty; list them one a line as "Name: answer", or empty the vote.',
      'file.csv:5: positions are listed but the vote is empty; say hidden or open (how the room voted), or empty the positions.',
      'file.csv:6: position 2 ("Bo days") is not "Name: answer"; write one a line, such as "Ana Almeida: unknown".',
      'file.csv:6: position 3 ("ana: never"): "ana" already voted in position 1; keep one.',
      'file.csv:6: position 4 ("Cy: sometimes"): unknown answer "sometimes" to question "bulk-export-detection"; use one of "minutes", "days", "never", "unknown", "na".',
    ]);
  });

  it('keeps terminal controls out of a position quoted in a message', () => {
    const result = importText([header, `${phone.id},export-copies,none,,,,open,${cell('\u001b]0;pwned\u0007Ana none')}`].join('\r\n'), demo);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('importing answers for a bank that assesses applications', () => {
  it('names what the bank assesses in its messages (the column is still "journey")', () => {
    const samm = heldOutBank(SAMM_PATH);
    const assessment = heldOutWorkbook(samm, ['Payments API', 'Customer portal'], GOLDEN_NOW).assessments[0]!;
    const q = samm.questions[0]!;
    const text = ['journey,question id,answer,confidence,policy,note', `Nowhere,${q.id},${q.options[0]!.id},,,`, `,${q.id},${q.options[0]!.id},,,`].join('\r\n');
    const [header, rows] = rowsOf(text);
    const result = planImport(samm, assessment, header, rows, LATER, 'apps.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'apps.csv:2: unknown application "Nowhere"; the assessment has "Payments API", "Customer portal".',
      'apps.csv:3: the journey column is empty; give the name or id of an application.',
    ]);
  });
});
