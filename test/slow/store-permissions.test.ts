/** The workbook, its .bak, its lock and every temp file (as created and as written) are 0600 whatever the umask. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStoreChild, startChild } from '../store/helpers/build-child.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
beforeAll(() => buildStoreChild());

describe.each(['022', '000', '077'])('under umask %s', (mask) => {
  it('every file cxray writes is 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxray-perm-'));
    dirs.push(dir);
    const child = await startChild(['umask', mask, join(dir, 'cxray.json')]);
    expect(await child.exited, child.stderr()).toEqual({ code: 0, signal: null });
    const modes = JSON.parse(child.lines[0]!) as Record<string, number>;
    const octal = Object.fromEntries(Object.entries(modes).map(([k, v]) => [k, v.toString(8)]));
    expect(octal).toEqual({
      '.cxray.json.tmp created': '600',
      '.cxray.json.tmp written': '600',
      // No temp file is written for the .bak: it is a hard link to the previous 0600
      // workbook (a 0644 one is copied to a 0600 .bak: test/store/backup-link.test.ts).
      'cxray.json': '600',
      'cxray.json.bak': '600',
      'cxray.json.lock (while open)': '600',
    });
  });
});
