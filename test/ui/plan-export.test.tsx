/**
 * `x` on the plan screen on a file system without hard links (some network and FUSE
 * mounts): the export falls back as `cxray export --output` does, still never writing
 * over an existing file. link() is made to fail as such a file system answers.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, renderWorkbench, setUpWorkbook, tick, withAnswers } from './app.js';

const linkCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const link = async () => {
    linkCalls.count += 1;
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM', syscall: 'link' });
  };
  return { ...real, default: { ...real, link }, link };
});

afterEach(() => cleanup());

async function until(app: { frame: () => string }, text: string) {
  for (let i = 0; i < 80 && !app.frame().includes(text); i++) await tick();
  return app.frame();
}

describe('plan export without hard links', () => {
  it('writes the markdown to the first free name beside the workbook, 0600, leaving an existing file alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-plan-nolink-'));
    writeFileSync(join(dir, 'cxray-plan-q4.md'), 'an earlier export');
    const workbook = withAnswers(setUpWorkbook(), [{ journeyId: 'phone-support', questionId: 'bulk-export-detection', kind: 'unknown' }]);
    const app = await renderWorkbench({ workbook, path: join(dir, 'workshop.json') });
    await app.keys(KEYS.enter, 'r', 'p');
    await until(app, 'Log and alert');
    await app.keys('x');
    const frame = await until(app, 'Exported to');
    expect(frame).toContain(join(dir, 'cxray-plan-q4-2.md'));
    expect(linkCalls.count).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(['cxray-plan-q4-2.md', 'cxray-plan-q4.md']);
    expect(readFileSync(join(dir, 'cxray-plan-q4.md'), 'utf8')).toBe('an earlier export');
    expect(readFileSync(join(dir, 'cxray-plan-q4-2.md'), 'utf8')).toMatch(/^# Customer data exposure across the CX stack: Q4/);
    expect(statSync(join(dir, 'cxray-plan-q4-2.md')).mode & 0o777).toBe(0o600);
  });
});
