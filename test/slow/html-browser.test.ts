/**
 * The HTML report in a real browser: Debian's headless Chromium (installed by
 * ensureChromium where it is missing), JavaScript disabled, driven over the DevTools
 * protocol on a pipe. The demo's report must load with no console error and no request
 * but the file itself, draw every heat-map cell and every SVG as a non-empty box, and
 * print to the number of A4 and Letter pages pinned below. The screenshots and PDFs are
 * kept in $CXRAY_BROWSER_OUT (default: a temporary folder) to look at.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinBankPath } from '../../src/bank/builtin.js';
import { openBank } from '../../src/bank/open.js';
import { buildDemoWorkbook } from '../../src/core/demo.js';
import { buildReport } from '../../src/core/report.js';
import { setSignoff } from '../../src/core/signoff.js';
import { marked } from 'marked';
import { renderHtml } from '../../src/export/html.js';

const markdownToHtml = (markdown: string) => marked.parse(markdown, { async: false, gfm: true });
import { Browser, ensureChromium, type CdpEvent } from '../helpers/chromium.js';

/**
 * Pages of the demo's report printed on A4 and on Letter. A deliberate change to the
 * report changes them: look at the PDFs, then set the new counts here.
 */
// 43 and 46 since the Evidence section lists each of the demo's 100 requests by its id (four pages more).
const EXPECTED_PAGES = { a4: 43, letter: 46 };
const NOW = new Date('2026-11-20T10:00:00.000Z');

const chromium = ensureChromium();
const skip = chromium.path === null ? chromium.reason : '';

describe.skipIf(skip !== '')(`the HTML report in headless Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const out = process.env.CXRAY_BROWSER_OUT ?? mkdtempSync(join(tmpdir(), 'cxray-browser-'));
  const htmlPath = join(out, 'demo-report.html');
  let browser: Browser;
  let session: string;
  let journeys = 0;
  let dimensions = 0;
  let trendRows = 0;

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const bank = await openBank(builtinBankPath());
    const workbook = buildDemoWorkbook(bank, NOW);
    const assessment = setSignoff(workbook.assessments[0]!, { name: 'Dana Reyes', role: 'Head of Customer Operations', decision: 'accepted-with-conditions', date: '2026-11-21', conditions: 'Bulk-export alerting live by March.' }, NOW);
    const report = buildReport(bank, assessment, NOW);
    journeys = report.journeys.length;
    dimensions = report.dimensions.length;
    trendRows = report.cycles.trend ? report.cycles.trend.journeys.length + 1 : 0;
    writeFileSync(htmlPath, renderHtml(report, { version: 'test', markdownToHtml }));

    browser = Browser.launch(chromium.path!, join(out, 'profile'));
    const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    ({ sessionId: session } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true }));
    for (const domain of ['Page', 'Runtime', 'Log', 'Network', 'DOM']) await browser.send(`${domain}.enable`, {}, session);
    await browser.send('Emulation.setScriptExecutionDisabled', { value: true }, session);
    await browser.send('Emulation.setDeviceMetricsOverride', { width: 1200, height: 1600, deviceScaleFactor: 1, mobile: false }, session);
    await browser.send('Page.navigate', { url: pathToFileURL(htmlPath).href }, session);
    await browser.waitFor((e) => e.method === 'Page.loadEventFired' && e.sessionId === session);
  });

  afterAll(async () => {
    await browser?.close();
    // Chromium's helper processes may still be writing to the profile for a moment after
    // the browser has gone: retry ENOTEMPTY/EBUSY rather than fail the suite on cleanup.
    if (!process.env.CXRAY_BROWSER_OUT) rmSync(out, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  const ofPage = (e: CdpEvent) => e.sessionId === session;

  it('logs no console error and throws nothing', () => {
    const errors = browser.events.filter(
      (e) =>
        ofPage(e) &&
        (e.method === 'Runtime.exceptionThrown' ||
          (e.method === 'Runtime.consoleAPICalled' && (e.params.type === 'error' || e.params.type === 'warning')) ||
          (e.method === 'Log.entryAdded' && ['error', 'warning'].includes((e.params.entry as { level: string }).level))),
    );
    expect(errors.map((e) => JSON.stringify(e.params))).toEqual([]);
  });

  it('requests nothing but the file itself', () => {
    const requests = browser.events.filter((e) => ofPage(e) && e.method === 'Network.requestWillBeSent').map((e) => (e.params.request as { url: string }).url);
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
  });

  /** The border boxes of every element matching `selector`. */
  async function boxes(selector: string): Promise<{ width: number; height: number }[]> {
    const { root } = await browser.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 }, session);
    const { nodeIds } = await browser.send<{ nodeIds: number[] }>('DOM.querySelectorAll', { nodeId: root.nodeId, selector }, session);
    const result: { width: number; height: number }[] = [];
    for (const nodeId of nodeIds) {
      const { model } = await browser.send<{ model: { width: number; height: number } }>('DOM.getBoxModel', { nodeId }, session);
      result.push({ width: model.width, height: model.height });
    }
    return result;
  }

  it('draws every heat-map cell and every SVG as a box that is not empty', async () => {
    const cells = await boxes('table.heatmap td.heat');
    // Each journey and the "All journeys" row: one cell per dimension and the overall one.
    expect(cells).toHaveLength((journeys + 1) * (dimensions + 1));
    for (const c of cells) expect(c.width * c.height).toBeGreaterThan(100);
    const maps = await boxes('svg.map');
    expect(maps).toHaveLength(journeys);
    const charts = await boxes('svg.trend');
    expect(charts).toHaveLength(trendRows);
    for (const svg of [...maps, ...charts]) expect(svg.width * svg.height).toBeGreaterThan(1000);
    // Inside the maps: a box per system and a path per integration, drawn.
    expect((await boxes('svg.map rect')).every((b) => b.width > 0 && b.height > 0)).toBe(true);
    expect((await boxes('svg.map path.link')).length).toBeGreaterThan(0);
  });

  it('takes a screenshot of the top of the report and of the heat map', async () => {
    const shot = await browser.send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, session);
    writeFileSync(join(out, 'top.png'), Buffer.from(shot.data, 'base64'));
    const { root } = await browser.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 }, session);
    for (const [name, selector] of [['heatmap', 'table.heatmap'], ['map', 'figure.journey-map'], ['trend', 'table.trend-table'], ['signoff', 'section.signoff']] as const) {
      const { nodeId } = await browser.send<{ nodeId: number }>('DOM.querySelector', { nodeId: root.nodeId, selector }, session);
      const { model } = await browser.send<{ model: { border: number[]; width: number; height: number } }>('DOM.getBoxModel', { nodeId }, session);
      const [x, y] = model.border as [number, number];
      const { data } = await browser.send<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x, y, width: model.width, height: model.height, scale: 1 } }, session);
      const png = Buffer.from(data, 'base64');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      writeFileSync(join(out, `${name}.png`), png);
    }
  });

  it.each([
    ['a4', 8.27, 11.69],
    ['letter', 8.5, 11],
  ] as const)('prints to %s on the pinned number of pages', async (paper, paperWidth, paperHeight) => {
    const { data } = await browser.send<{ data: string }>('Page.printToPDF', { paperWidth, paperHeight, printBackground: true, preferCSSPageSize: false, displayHeaderFooter: false }, session);
    const pdf = Buffer.from(data, 'base64');
    const file = join(out, `demo-${paper}.pdf`);
    writeFileSync(file, pdf);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = info.status === 0 ? Number(/^Pages:\s+(\d+)/m.exec(info.stdout)![1]) : (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages, `the demo report printed on ${pages} ${paper} pages; if the report changed on purpose, look at ${file} and set EXPECTED_PAGES`).toBe(EXPECTED_PAGES[paper]);
  });
});
