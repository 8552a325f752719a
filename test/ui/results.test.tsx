import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { planMarkdown, exportPathFor } from '../../src/ui/screens/PlanScreen.js';
import { KEYS, flat, renderWorkbench, setUpWorkbook, tick, withAnswers } from './app.js';

afterEach(() => cleanup());

const answered = () =>
  withAnswers(setUpWorkbook(), [
    { journeyId: 'phone-support', questionId: 'ticket-notes-content', kind: 'option', optionId: 'everything', confidence: 'verified', policy: 'documented' },
    { journeyId: 'phone-support', questionId: 'attachment-expiry', kind: 'option', optionId: 'kept', confidence: 'reported', note: 'Seen last week' },
    { journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'unknown' },
    { journeyId: 'chat', questionId: 'ticket-notes-content', kind: 'option', optionId: 'minimal', confidence: 'disputed' },
  ]);

async function openResults(options: Parameters<typeof renderWorkbench>[0] = {}) {
  const app = await renderWorkbench({ workbook: answered(), ...options });
  await app.keys(KEYS.enter, 'r');
  return app;
}

/** Waits until the frame shows `text` (markdown loads on first use). */
async function until(app: { frame: () => string }, text: string) {
  for (let i = 0; i < 80 && !app.frame().includes(text); i++) await tick();
  return app.frame();
}

describe('results', () => {
  it('draws the heat table: journeys x dimensions, a number and a shade in every cell', async () => {
    const app = await openResults();
    const frame = app.frame();
    expect(frame).toMatch(/Free text +Detection +Overall/);
    // Phone support: free text (2 x 4/4 + 2 x 3/4) / 4 = 88; detection: "we don't know" counts
    // as fully exposed, 100; the journey (2 + 1.5 + 3) / 7 = 93. All journeys by sensitivity (3, 1).
    expect(frame).toMatch(/❯ Phone support +\[ 88█\] +100█ +93█/);
    expect(frame).toMatch(/ {2}Chat +0░ +— +0░/);
    expect(frame).toMatch(/All journeys +66▓ +100█ +70▓/);
    expect(frame).toContain('higher is worse: ░ low  ▒ moderate  ▓ high  █ severe');
    expect(frame).toContain('Phone support × Free text: exposure 88 (severe), visibility 75 (partial)');
  });

  it('switches to visibility with Tab, and moves the highlighted cell with the arrows', async () => {
    const app = await openResults();
    await app.keys(KEYS.tab);
    expect(app.frame()).toMatch(/Visibility/);
    expect(app.frame()).toMatch(/❯ Phone support +\[ 75▒\] +0█ +43▓/);
    await app.keys(KEYS.right, KEYS.down);
    expect(app.frame()).toMatch(/❯ Chat +25█ +\[ {2}—\] +25█/);
    expect(app.frame()).toContain('Chat × Detection: exposure — (nothing answered yet)');
  });

  it('shows the answers behind a cell, and opens one in the walk', async () => {
    const app = await openResults();
    await app.keys(KEYS.enter);
    let frame = app.frame();
    expect(frame).toContain('cxray › Q4 › Results › Phone support × Free text');
    expect(frame).toMatch(/❯ What do agents routinely type into ticket notes\? +Full addresses, card digits/);
    // Option 3 is chosen with key 3; its exposure level is said apart.
    expect(flat(frame)).toContain('option 3 · exposure level 4 of 4 · verified · documented on paper');
    await app.keys(KEYS.down);
    frame = app.frame();
    expect(frame).toContain('Note: Seen last week');
    await app.keys(KEYS.enter);
    expect(app.frame()).toContain('What happens to files customers attach to tickets?');
    expect(app.frame()).toContain('2 of 4 in the journey');
  });

  it('lists every journey behind a cell of the "All journeys" row, unanswered ones too', async () => {
    const app = await openResults();
    await app.keys(KEYS.down, KEYS.down, KEYS.right, KEYS.enter);
    const frame = app.frame();
    expect(frame).toContain('All journeys × Detection');
    expect(frame).toMatch(/Phone support +How soon would a bulk export .* we don't know/);
    expect(frame).toMatch(/Chat +How long does it take .* unanswered/);
    await app.keys(KEYS.escape);
    expect(app.frame()).toContain('by journey and dimension');
  });
});

describe('plan', () => {
  it('takes the plan sections out of the markdown report', () => {
    const md = '# T\n\n## Summary\n\nx\n\n## Find out first\n\nf\n\n## Fix\n\np\n\n## Visibility gaps\n\nv\n\n## Answers\n\na\n';
    expect(planMarkdown(md)).toBe('## Find out first\n\nf\n\n## Fix\n\np\n\n## Visibility gaps\n\nv');
    expect(exportPathFor('/w/cx.json', 'q4')).toBe('/w/cxray-plan-q4.md');
  });

  it('renders the plan as text with marked-terminal (Tab) and scrolls it', async () => {
    const app = await openResults({ size: { columns: 80, rows: 24 } });
    await app.keys('p');
    await until(app, 'Tab: the plan as text');
    await app.keys(KEYS.tab);
    const frame = await until(app, 'Give agents a note template');
    expect(frame).toMatch(/Plan/);
    expect(frame).not.toContain('- [ ]');
    expect(frame).not.toContain('**');
    const lines = Number(/of (\d+) ·/.exec(frame)![1]);
    expect(lines).toBeGreaterThan(12);
    await app.keys(KEYS.end);
    expect(app.frame()).toMatch(new RegExp(`Lines \\d+-${lines} of ${lines}`));
    await app.keys(KEYS.home);
    expect(app.frame()).toMatch(/Lines 1-\d+ of/);
    await app.keys(KEYS.pageDown);
    expect(app.frame()).not.toMatch(/Lines 1-/);
  });

  it('exports the whole markdown report next to the workbook, never over an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-plan-'));
    const app = await openResults({ path: join(dir, 'workshop.json') });
    await app.keys('p');
    await until(app, 'Give agents');
    await app.keys('x');
    const frame = await until(app, 'Exported to');
    expect(frame).toContain(join(dir, 'cxray-plan-q4.md'));
    await app.keys('x');
    await until(app, 'cxray-plan-q4-2.md');
    expect(readdirSync(dir).sort()).toEqual(['cxray-plan-q4-2.md', 'cxray-plan-q4.md']);
    const text = readFileSync(join(dir, 'cxray-plan-q4.md'), 'utf8');
    expect(text).toMatch(/^# Customer data exposure across the CX stack: Q4/);
    expect(text).toContain('## Fix');
    expect(text).toContain('## Answers');
    expect(statSync(join(dir, 'cxray-plan-q4.md')).mode & 0o777).toBe(0o600);
  });
});
