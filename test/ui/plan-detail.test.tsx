/**
 * The plan screen's pane on the highlighted item and its filters (j journey, h horizon,
 * o owner, f all again), at 100x30. The starter bank; Phone support: ticket notes
 * "everything" (note guidance), bulk exports "days" (export alerting), attachments
 * "we don't know" (a Find out item); Chat: bulk exports "days" too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderWorkbench, setUpWorkbook, widestLine, withAnswers } from './app.js';

afterEach(() => cleanup());

const answered = () =>
  withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified' },
    { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'option', optionId: 'days' },
    { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'unknown' },
    { journeyId: 'chat', questionId: 'bulk-export-detection', kind: 'option', optionId: 'days' },
  ]);

async function openPlan(size = { columns: 100, rows: 30 }) {
  const app = await renderWorkbench({ workbook: answered(), size });
  await app.keys(KEYS.enter, 'p');
  return app;
}

/** The item lines of the list: "#1    find   Title". */
const titles = (frame: string) => [...frame.matchAll(/^[❯ ] #\d+ +(?:find|now|next|later) +(.+?) {2,}/gm)].map((m) => m[1]);

describe('the pane on the highlighted plan item', () => {
  it('gives its stable id, lane and figures, why it is in its horizon, and the answers behind it with journey and question', async () => {
    const app = await openPlan();
    await app.keys(KEYS.down);
    const frame = app.frame();
    const pane = frame.slice(frame.indexOf('\nCX-'));
    expect(pane).toMatch(/^\nCX-[a-z2-7]{6}-export-alert · Fix, Now · effort M · removes risk \d+(\.\d+)? · priority /);
    expect(pane).toContain("In Now because of capacity: 0 of Now's 12 effort points taken before it");
    expect(pane).toContain('The 2 answers behind it:');
    expect(pane).toMatch(/\n {2}Phone support · .* \(level 2, reported\) · How soon would/);
    expect(pane).toMatch(/\n {2}Chat · .* \(level 2, reported\) · How soon would/);
    expect(widestLine(frame)).toBeLessThanOrEqual(100);
  });

  it('says a Find out item is there because the answers behind it are unknown', async () => {
    const app = await openPlan();
    const frame = app.frame();
    expect(frame).toMatch(/\nCX-[a-z2-7]{6}-[a-z0-9.-]+ · Find out first · effort S · clears risk /);
    expect(frame).toContain('Find out first: the answers behind it are "we don\'t know"');
    expect(frame).toMatch(/The answer behind it: Phone support · we don't know · /);
  });
});

describe('the plan filters', () => {
  it('show one journey with j, the next with j again, then all; the line says what is shown and f shows all again', async () => {
    const app = await openPlan();
    const all = titles(app.frame());
    expect(all).toHaveLength(3);
    await app.keys('j');
    expect(app.frame()).toContain('Showing 3 of 3: journey Phone support · f shows all');
    await app.keys('j');
    expect(app.frame()).toContain('Showing 1 of 3: journey Chat · f shows all');
    expect(titles(app.frame())).toEqual(['Log and alert on bulk exports']);
    await app.keys('j');
    expect(app.frame()).not.toContain('Showing');
    expect(titles(app.frame())).toEqual(all);
    await app.keys('h', 'h');
    expect(app.frame()).toContain('Showing 2 of 3: horizon Now · f shows all');
    // The owners offered are those of the items shown: never an empty list.
    await app.keys('o');
    expect(app.frame()).toMatch(/Showing 1 of 3: horizon Now · owner \S.* · f shows all/);
    await app.keys('o');
    expect(app.frame()).toMatch(/Showing 1 of 3: horizon Now · owner \S.* · f shows all/);
    await app.keys('f');
    expect(app.frame()).not.toContain('Showing');
    expect(titles(app.frame())).toEqual(all);
  });

  it('keeps the highlight on its item when it is still shown, and offers only horizons that leave something', async () => {
    const app = await openPlan();
    await app.keys(KEYS.down);
    expect(app.frame()).toMatch(/❯ #\d+ +now +Log and alert on bulk exports/);
    await app.keys('j', 'j');
    expect(app.frame()).toMatch(/❯ #\d+ +now +Log and alert on bulk exports/);
    // Chat has no Find out item: h goes to Now, then all again.
    await app.keys('h');
    expect(app.frame()).toContain('Showing 1 of 3: journey Chat · horizon Now · f shows all');
    await app.keys('h');
    expect(app.frame()).toContain('Showing 1 of 3: journey Chat · f shows all');
  });

  it('work on the list, not the text: Tab, then j, says so', async () => {
    const app = await openPlan();
    await app.keys(KEYS.tab, 'j');
    expect(app.frame()).toContain('The filters work on the list of items: Tab shows it.');
  });
});
