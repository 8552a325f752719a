/**
 * Evidence files on disk (src/store/evidence-files.ts): the SHA-256 and size of a real
 * file, streamed and at once alike; a file that cannot be read says why in words; and an
 * accepted file changed, truncated or removed after it was accepted is flagged, while a
 * link, a rejected item and an unchanged file are not.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/core/workbook-schema.js';
import { EvidenceFileError, checkEvidenceFiles, checkEvidenceFilesNow, fingerprintFile, fingerprintFileNow } from '../../src/store/evidence-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxray-evidence-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// printf 'screenshot of the ID check\n' | sha256sum
const SHOT_SHA256 = '743bf8234da66f928c9ddb503f359ff6dfa932c2fd9cbeca1512b5144fa917cf';
// printf '' | sha256sum
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function item(id: string, over: Partial<Evidence>): Evidence {
  return {
    id,
    journeyId: 'chat',
    questionId: 'q1',
    optionId: 'a',
    shows: 'x',
    collectedBy: '',
    collectedOn: '2026-11-20',
    status: 'accepted',
    reason: '',
    by: 'Ana',
    addedAt: '2026-11-20T10:00:00.000Z',
    ...over,
  } as Evidence;
}

describe('fingerprints', () => {
  it('hash a file streamed and at once to the same SHA-256 and size, an empty file and one larger than a piece too', async () => {
    const shot = join(dir, 'shot.txt');
    writeFileSync(shot, 'screenshot of the ID check\n');
    expect(await fingerprintFile(shot)).toEqual({ sha256: SHOT_SHA256, size: 27 });
    expect(fingerprintFileNow(shot)).toEqual({ sha256: SHOT_SHA256, size: 27 });
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    expect(fingerprintFileNow(empty)).toEqual({ sha256: EMPTY_SHA256, size: 0 });
    // 2.5 MiB: three pieces of 1 MiB.
    const big = join(dir, 'big.bin');
    writeFileSync(big, Buffer.alloc(2.5 * 1024 * 1024, 7));
    const streamed = await fingerprintFile(big);
    expect(streamed.size).toBe(2.5 * 1024 * 1024);
    expect(fingerprintFileNow(big)).toEqual(streamed);
  });

  it('say why a file cannot be read, in the same words both ways', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const cases: [string, string][] = [
      [join(dir, 'nope.txt'), 'no such file'],
      [join(dir, 'nope', 'deeper.txt'), 'no such file'],
      [folder, 'it is a folder; give one file'],
    ];
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked.txt');
      writeFileSync(locked, 'x');
      chmodSync(locked, 0o000);
      cases.push([locked, 'permission denied']);
    }
    for (const [path, reason] of cases) {
      const now = (() => {
        try {
          fingerprintFileNow(path);
        } catch (error) {
          return error;
        }
      })();
      expect(now).toBeInstanceOf(EvidenceFileError);
      expect((now as EvidenceFileError).reason).toBe(reason);
      await expect(fingerprintFile(path)).rejects.toMatchObject({ name: 'EvidenceFileError', reason });
    }
  });
});

describe('files changed since they were accepted', () => {
  it('flags an accepted file edited, truncated, replaced by a link to another file or removed; not a same file, a link or a rejected item', async () => {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const same = write('same.txt', 'screenshot of the ID check\n');
    const edited = write('edited.txt', 'screenshot of the ID check\n');
    const truncated = write('truncated.txt', 'screenshot of the ID check\n');
    const swapped = write('swapped.txt', 'screenshot of the ID check\n');
    const gone = write('gone.txt', 'screenshot of the ID check\n');
    const rejected = write('rejected.txt', 'screenshot of the ID check\n');
    const evidence = [
      item('ev1', { path: same, sha256: SHOT_SHA256, size: 27 }),
      item('ev2', { path: edited, sha256: SHOT_SHA256, size: 27 }),
      item('ev3', { path: truncated, sha256: SHOT_SHA256, size: 27 }),
      item('ev4', { path: swapped, sha256: SHOT_SHA256, size: 27 }),
      item('ev5', { path: gone, sha256: SHOT_SHA256, size: 27 }),
      item('ev6', { path: rejected, sha256: SHOT_SHA256, size: 27, status: 'rejected', reason: 'blurry' }),
      item('ev7', { link: 'https://wiki.example.com/x' }),
    ];
    const before = await checkEvidenceFiles(evidence);
    expect([...before]).toEqual([]);
    expect([...checkEvidenceFilesNow(evidence)]).toEqual([]);

    // The same size, another content: only the hash tells.
    write('edited.txt', 'screenshot of the ID chock\n');
    write('truncated.txt', 'screenshot');
    rmSync(swapped);
    symlinkSync(write('other.txt', 'another file entirely\n'), swapped);
    rmSync(gone);
    write('rejected.txt', 'changed too, but it was rejected');

    const expected = [
      ['ev2', 'changed'],
      ['ev3', 'changed'],
      ['ev4', 'changed'],
      ['ev5', 'missing'],
    ];
    expect([...(await checkEvidenceFiles(evidence))]).toEqual(expected);
    expect([...checkEvidenceFilesNow(evidence)]).toEqual(expected);

    // Put back as it was: no longer flagged.
    write('edited.txt', 'screenshot of the ID check\n');
    expect(checkEvidenceFilesNow(evidence).has('ev2')).toBe(false);
  });
});
