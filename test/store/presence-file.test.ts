/**
 * The presence sidecar on real files: the driver's writes are whole and private (0600),
 * the last place wins, the sidecar is removed synchronously on close; the presenter's read never
 * blocks or throws on what a stranger could leave there (a FIFO, a folder, a symlink, a
 * torn or huge file), and a sidecar whose process is gone reads as closed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presenceText } from '../../src/core/presence.js';
import { PresenceWriter, presencePathFor, readPresence } from '../../src/store/presence-file.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const dir = () => mkdtempSync(join(tmpdir(), 'cxray-presence-'));
const HOST = 'this-host';

describe('the presence sidecar on disk', () => {
  it('is named after the workbook', () => {
    expect(presencePathFor('/w/workshop.json')).toBe('/w/workshop.json.present.json');
  });

  it('writes the latest place, whole and 0600; closeSync writes "closed"', async () => {
    const path = join(dir(), 'w.json.present.json');
    const writer = new PresenceWriter(path, () => NOW, undefined, process.pid, HOST);
    writer.set({ screen: 'elsewhere' });
    writer.set({ screen: 'question', assessmentId: 'q4', journeyId: 'phone', questionId: 'a', index: 0, total: 2 });
    writer.set({ screen: 'question', assessmentId: 'q4', journeyId: 'phone', questionId: 'b', index: 1, total: 2 });
    await writer.idle();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const read = readPresence(path, HOST);
    expect(read).toMatchObject({ kind: 'presence', presence: { screen: 'question', questionId: 'b', index: 1, pid: process.pid } });
    writer.closeSync();
    expect(existsSync(path)).toBe(false);
    expect(readPresence(path, HOST)).toEqual({ kind: 'none' });
    expect(writer.failed).toBe(false);
  });

  it('writes a place again that equals the one written before a write still under way (a walk back from the end to its question)', async () => {
    const path = join(dir(), 'w.json.present.json');
    const writer = new PresenceWriter(path, () => NOW, undefined, process.pid, HOST);
    const question = { screen: 'question' as const, assessmentId: 'q4', journeyId: 'phone', questionId: 'b', index: 1, total: 2 };
    writer.set(question);
    await writer.idle();
    // Answered: the end is being written; taken back at once: the question again, before that write is done.
    writer.set({ screen: 'end', assessmentId: 'q4', journeyId: 'phone', total: 2 });
    writer.set(question);
    await writer.idle();
    expect(readPresence(path, HOST)).toMatchObject({ kind: 'presence', presence: { screen: 'question', questionId: 'b' } });
  });

  it('remembers a failed write and goes on (a folder in its way), never throwing into the walk', async () => {
    const d = dir();
    const path = join(d, 'missing', 'w.json.present.json');
    const writer = new PresenceWriter(path, () => NOW);
    writer.set({ screen: 'elsewhere' });
    await writer.idle();
    expect(writer.failed).toBe(true);
    expect(() => writer.closeSync()).not.toThrow();
  });

  it('reads nothing there as none, and anything that is not a sidecar as unreadable', () => {
    const d = dir();
    expect(readPresence(join(d, 'absent.json'), HOST)).toEqual({ kind: 'none' });
    const torn = join(d, 'torn.json');
    writeFileSync(torn, presenceText({ screen: 'elsewhere' }, process.pid, HOST, NOW).slice(0, 30));
    expect(readPresence(torn, HOST)).toEqual({ kind: 'unreadable' });
    const huge = join(d, 'huge.json');
    writeFileSync(huge, 'x'.repeat(1_000_000));
    expect(readPresence(huge, HOST)).toEqual({ kind: 'unreadable' });
    const folder = join(d, 'folder.json');
    mkdirSync(folder);
    expect(readPresence(folder, HOST)).toEqual({ kind: 'unreadable' });
    const link = join(d, 'link.json');
    symlinkSync(torn, link);
    expect(readPresence(link, HOST)).toEqual({ kind: 'unreadable' });
  });

  it('never blocks on a FIFO put in its place', () => {
    const fifo = join(dir(), 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    expect(readPresence(fifo, HOST)).toEqual({ kind: 'unreadable' });
  });

  it('reads a sidecar whose process is gone as closed (the driver was killed), one from another host as written', () => {
    const path = join(dir(), 'w.json.present.json');
    // A pid that is not running: the highest there can be.
    writeFileSync(path, presenceText({ screen: 'end', assessmentId: 'q4', journeyId: null, total: 3 }, 2 ** 31 - 1, HOST, NOW));
    expect(readPresence(path, HOST)).toMatchObject({ kind: 'presence', presence: { screen: 'closed' } });
    expect(readPresence(path, 'another-host')).toMatchObject({ kind: 'presence', presence: { screen: 'end' } });
    expect(readFileSync(path, 'utf8')).toContain('"screen":"end"');
  });
});
