/**
 * The evidence form's rules without drawing: the values it opens with, what the values
 * typed mean (a link, or a path made absolute), the sentence for each thing to fix, and
 * the expiry the empty Expires field stands for.
 */
import { describe, expect, it } from 'vitest';
import { evidenceFormInitial, expiryHint, readEvidenceForm } from '../../src/ui/evidence-form.js';
import { evidenceWords } from '../../src/ui/evidence-words.js';

const TODAY = '2026-11-20';
const values = (v: Record<string, string> = {}) => ({ ...evidenceFormInitial('Ana', TODAY), shows: 'retention job settings', ...v });

describe('readEvidenceForm', () => {
  it('opens collected today by the facilitator, accepted, with nothing else', () => {
    expect(evidenceFormInitial('Ana\u001b[31m', TODAY)).toEqual({ where: '', shows: '', collectedBy: 'Ana', collectedOn: TODAY, expiresOn: '', status: 'accepted', reason: '' });
  });

  it('reads a link as a link, trimmed, with no file to hash', () => {
    expect(readEvidenceForm(values({ where: '  https://wiki.example.com/retention  ' }), TODAY, '/work')).toEqual({
      input: { link: 'https://wiki.example.com/retention', shows: 'retention job settings', collectedBy: 'Ana', collectedOn: TODAY, status: 'accepted' },
    });
  });

  it('reads anything else as a path, relative ones from the folder given, and says which file to hash', () => {
    const read = readEvidenceForm(values({ where: 'exports/jobs.csv', expiresOn: '2027-05-31' }), TODAY, '/work/audit');
    expect(read).toEqual({
      input: { path: '/work/audit/exports/jobs.csv', shows: 'retention job settings', collectedBy: 'Ana', collectedOn: TODAY, expiresOn: '2027-05-31', status: 'accepted' },
      path: '/work/audit/exports/jobs.csv',
    });
    expect(readEvidenceForm(values({ where: '/srv/a.png' }), TODAY, '/work')).toMatchObject({ path: '/srv/a.png' });
  });

  it('keeps why only for rejected evidence, and asks for it there', () => {
    expect(readEvidenceForm(values({ where: 'https://x.example', reason: 'old' }), TODAY, '/')).toMatchObject({ input: { status: 'accepted' } });
    expect(readEvidenceForm(values({ where: 'https://x.example', reason: 'old' }), TODAY, '/')).not.toMatchObject({ input: { reason: 'old' } });
    expect(readEvidenceForm(values({ where: 'https://x.example', status: 'rejected', reason: ' shows the test tenant ' }), TODAY, '/')).toMatchObject({
      input: { status: 'rejected', reason: 'shows the test tenant' },
    });
    expect(readEvidenceForm(values({ where: 'https://x.example', status: 'rejected' }), TODAY, '/')).toEqual({ problem: 'Say why the evidence was rejected.' });
  });

  it.each([
    [{ where: '' }, 'Give a link (http or https) or a file path for the evidence.'],
    [{ where: 'ftp://files.example.com/x' }, 'The link is not an http or https address; give one such as https://wiki.example.com/page.'],
    [{ where: 'https://x.example', shows: '  ' }, 'Say in one line what the evidence shows.'],
    [{ where: 'https://x.example', collectedOn: '20/11/2026' }, 'The collected date is not a day; write it as YYYY-MM-DD, e.g. 2026-11-30.'],
    [{ where: 'https://x.example', collectedOn: '2026-11-21' }, 'The collected date 2026-11-21 is after today (2026-11-20); give the day it was collected.'],
    [{ where: 'https://x.example', expiresOn: 'soon' }, "The expiry date is not a day; write it as YYYY-MM-DD, or leave it empty for the question's lifetime."],
    [{ where: 'https://x.example', expiresOn: '2026-11-19' }, 'The expiry date 2026-11-19 is before the day it was collected (2026-11-20).'],
    [{ where: 'https://x.example', shows: 'mail from jane@example.com' }, 'What it shows looks like customer data (an e-mail address); describe the evidence without it.'],
    [{ where: 'https://x.example/?card=4111111111111111' }, 'The link or path looks like customer data (a card number); describe the evidence without it.'],
    [{ where: 'https://x.example', collectedBy: 'jane@example.com' }, 'Who collected it looks like customer data (an e-mail address); describe the evidence without it.'],
  ])('refuses %j in one sentence', (v, problem) => {
    expect(readEvidenceForm(values(v), TODAY, '/')).toEqual({ problem });
  });

  it('filters what is typed for the terminal: escape sequences never reach the workbook', () => {
    const read = readEvidenceForm(values({ where: 'https://x.example', shows: 'settings\u001b]0;pwned\u0007 page' }), TODAY, '/');
    expect(read).toMatchObject({ input: { shows: 'settings page' } });
  });
});

describe('expiryHint', () => {
  it("says the question's lifetime and the day it runs to, from the day collected", () => {
    expect(expiryHint({ lifetimeDays: 180 }, '2026-11-20')).toBe("YYYY-MM-DD, or empty: the question's lifetime, 180 days (to 2027-05-19)");
    expect(expiryHint({ lifetimeDays: 1 }, '2026-12-31')).toBe("YYYY-MM-DD, or empty: the question's lifetime, 1 days (to 2027-01-01)");
  });
  it('leaves the day out while the collected date is not a day, and says when the question has no lifetime', () => {
    expect(expiryHint({ lifetimeDays: 30 }, '2026-1')).toBe("YYYY-MM-DD, or empty: the question's lifetime, 30 days");
    expect(expiryHint({}, '2026-11-20')).toBe('YYYY-MM-DD, or empty: it does not expire (the question has no lifetime)');
  });
});

describe('evidenceWords', () => {
  it('counts and says what the evidence does for the answer today', () => {
    expect(evidenceWords(0, 'none')).toBe('');
    expect(evidenceWords(2, 'current')).toBe('evidence 2, verified');
    expect(evidenceWords(1, 'lapsed')).toBe('evidence 1, expired');
    expect(evidenceWords(1, 'none')).toBe('evidence 1, not counting');
  });
});
