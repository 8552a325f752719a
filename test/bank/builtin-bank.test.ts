/**
 * The built-in question bank (questions/cx-data-exposure.yaml) holds the figures the
 * product promises: every dimension walked from several angles, options that span
 * controlled to exposed, an action for every exposed answer, a find-out task for every
 * "we don't know", and only framework control ids that were checked against a source.
 * Version 2 adds what a CX security lead needs to adopt it: organisation-wide facts asked
 * once, a journey walk that stays short, one fact scored in one question, a core set for
 * a first session, prerequisites, and legal wording checked against what it cites.
 * Also: the example bank in docs/ stays valid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { BankSchema, type Bank, type Option, type Question, type Reference } from '../../src/core/bank-schema.js';
import { questionsFor } from '../../src/core/journey-questions.js';
import { optionActionIds } from '../../src/core/plan.js';
import { CHANNELS, DATA_CATEGORIES, SYSTEM_KINDS } from '../../src/core/vocabulary.js';
import type { Journey, System } from '../../src/core/workbook-schema.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The largest share of an option (plain ids share equally), and the action holding it (the first on a tie). */
function primaryAction(option: Option): { id: string; share: number } | undefined {
  let best: { id: string; share: number } | undefined;
  for (const a of option.actions) {
    const entry = typeof a === 'string' ? { id: a, share: 1 / option.actions.length } : a;
    if (!best || entry.share > best.share) best = entry;
  }
  return best;
}

const isOrganisationWide = (q: Question): boolean => q.scope === 'organisation';

function loadBank(relativePath: string): Bank {
  return BankSchema.parse(parse(readFileSync(join(ROOT, relativePath), 'utf8')));
}

/**
 * The control ids a bank may cite, per framework: the tables of the project's verified
 * control list (reference/controls.md beside DESIGN.md), copied here so CI does not need
 * that folder. Its "commonly mis-cited" ids (ISO 2013 A.9.2.x, CSF 1.1 PR.AC-x, PCI 3.2.1
 * numbering, ...) are deliberately absent.
 */
const CONTROL_IDS: Record<Reference['framework'], readonly string[]> = {
  GDPR: [
    'Art. 4(5)', 'Art. 5(1)(b)', 'Art. 5(1)(c)', 'Art. 5(1)(e)', 'Art. 5(1)(f)', 'Art. 5(2)',
    'Art. 15(1)', 'Art. 17(1)', 'Art. 19', 'Art. 22(1)', 'Art. 24(1)', 'Art. 25(1)', 'Art. 25(2)',
    'Art. 28(1)', 'Art. 28(2)', 'Art. 28(3)', 'Art. 29', 'Art. 30(1)', 'Art. 30(2)', 'Art. 32(1)',
    'Art. 32(2)', 'Art. 32(4)', 'Art. 33(1)', 'Art. 33(2)', 'Art. 33(5)', 'Art. 34(1)', 'Art. 35(1)',
    'Art. 35(3)(a)', 'Art. 35(7)', 'Art. 44', 'Art. 46(2)(c)',
  ],
  ISO27001: [
    'A.5.3', 'A.5.9', 'A.5.10', 'A.5.12', 'A.5.14', 'A.5.15', 'A.5.16', 'A.5.17', 'A.5.18', 'A.5.19',
    'A.5.20', 'A.5.21', 'A.5.22', 'A.5.23', 'A.5.24', 'A.5.25', 'A.5.26', 'A.5.33', 'A.5.34', 'A.6.5',
    'A.7.10', 'A.7.14', 'A.8.2', 'A.8.3', 'A.8.5', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.15', 'A.8.16',
    'A.8.24', 'A.8.33',
  ],
  'NIST-CSF': [
    'GV.OC-03', 'GV.SC-04', 'GV.SC-05', 'GV.SC-06', 'GV.SC-07', 'GV.SC-10', 'ID.AM-02', 'ID.AM-03',
    'ID.AM-04', 'ID.AM-05', 'ID.AM-07', 'ID.AM-08', 'ID.RA-10', 'PR.AA-01', 'PR.AA-03', 'PR.AA-05',
    'PR.AT-01', 'PR.DS-01', 'PR.DS-02', 'PR.DS-10', 'PR.PS-04', 'DE.CM-03', 'DE.CM-06', 'DE.CM-09',
    'DE.AE-02', 'DE.AE-03', 'DE.AE-08',
  ],
  'PCI-DSS': [
    '1.2.4', '3.2.1', '3.3.1', '3.3.1.1', '3.3.1.2', '3.3.1.3', '3.3.2', '3.4.1', '3.4.2', '3.5.1',
    '4.2.2', '6.5.5', '7.2.1', '7.2.2', '7.2.4', '7.2.5', '7.2.6', '8.2.1', '8.2.2', '8.2.4', '8.2.5',
    '8.2.6', '8.2.7', '8.4.2', '8.4.3', '8.6.1', '8.6.2', '10.2.1.1', '10.2.1.2', '10.2.2', '10.4.1',
    '10.4.1.1', '10.5.1', '12.5.1', '12.8.1', '12.8.2', '12.8.4', '12.8.5', '12.10.7', 'A3.2.5', 'A3.2.6',
  ],
  SOC2: [
    'CC2.1', 'CC6.1', 'CC6.2', 'CC6.3', 'CC6.5', 'CC6.6', 'CC6.7', 'CC7.2', 'CC7.3', 'CC7.4', 'CC8.1',
    'CC9.2', 'C1.1', 'C1.2', 'P3.1', 'P4.1', 'P4.2', 'P4.3', 'P6.1', 'P6.3', 'P6.4', 'P6.5', 'P6.6',
  ],
};

const DIMENSIONS = [
  'footprint',
  'access',
  'free-text',
  'integrations',
  'automation',
  'detection',
  'retention',
  'third-parties',
  'identity',
] as const;

describe('the built-in bank questions/cx-data-exposure.yaml', () => {
  let bank: Bank;
  beforeAll(() => {
    bank = loadBank('questions/cx-data-exposure.yaml');
  });

  it('parses with the bank schema and names itself', () => {
    expect(bank).toMatchObject({ id: 'cx-data-exposure', version: '2.0.0', language: 'en' });
    const firstLine = readFileSync(join(ROOT, 'questions', 'cx-data-exposure.yaml'), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../docs/bank.schema.json');
  });

  it('has at least 75 questions, with unique ids', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(75);
    const ids = bank.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has exactly the nine dimensions, each with at least 5 questions', () => {
    expect(bank.dimensions.map((d) => d.id).sort()).toEqual([...DIMENSIONS].sort());
    for (const dimension of DIMENSIONS) {
      const count = bank.questions.filter((q) => q.dimension === dimension).length;
      expect(count, dimension).toBeGreaterThanOrEqual(5);
    }
    const known = new Set<string>(DIMENSIONS);
    expect(bank.questions.filter((q) => !known.has(q.dimension)).map((q) => q.id)).toEqual([]);
  });

  it('gives every question help in three parts, 3-5 options and a discovery action', () => {
    for (const q of bank.questions) {
      expect(q.help, q.id).toMatch(/\*\*Why it matters\.\*\*[\s\S]+\*\*Good looks like\.\*\*[\s\S]+\*\*Evidence\.\*\*/);
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.options.length, q.id).toBeLessThanOrEqual(5);
      expect(q.discovery, q.id).toBeDefined();
    }
  });

  it('spans controlled and exposed options on every question, with unique option ids', () => {
    for (const q of bank.questions) {
      const levels = q.options.map((o) => o.level);
      expect(Math.min(...levels), q.id).toBeLessThanOrEqual(1);
      expect(Math.max(...levels), q.id).toBeGreaterThanOrEqual(3);
      expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
    }
  });

  it('proposes an action on every option at level 2 or above', () => {
    const missing = bank.questions.flatMap((q) =>
      q.options.filter((o) => o.level >= 2 && o.actions.length === 0).map((o) => `${q.id}/${o.id}`),
    );
    expect(missing).toEqual([]);
  });

  it('lets every weight-3 question reach level 4, and lists each ladder from controlled to exposed', () => {
    const capped = bank.questions.filter((q) => q.weight === 3 && !q.options.some((o) => o.level === 4)).map((q) => q.id);
    expect(capped).toEqual([]);
    for (const q of bank.questions) {
      const levels = q.options.map((o) => o.level);
      expect(levels, q.id).toEqual([...levels].sort((a, b) => a - b));
      expect(new Set(levels).size, q.id).toBe(levels.length);
    }
  });

  it('never gives guidance alone the largest share of an option that names a control too', () => {
    const guidance = new Set(['note-writing-guidance']);
    const led = bank.questions.flatMap((q) =>
      q.options
        .filter((o) => o.actions.length > 1 && guidance.has(primaryAction(o)!.id))
        .map((o) => `${q.id}/${o.id}`),
    );
    expect(led).toEqual([]);
  });

  it('never lists "We don\'t know" or "Not applicable" itself (the tool adds them)', () => {
    const listed = bank.questions.flatMap((q) =>
      q.options.filter((o) => /\b(we )?don.t know\b|\bnot applicable\b/i.test(o.label)).map((o) => `${q.id}/${o.id}`),
    );
    expect(listed).toEqual([]);
  });

  it('keeps labels and prompts short enough for an 80-column terminal', () => {
    for (const q of bank.questions) {
      expect(q.prompt.length, q.id).toBeLessThanOrEqual(160);
      for (const o of q.options) expect(o.label.length, `${q.id}/${o.id}`).toBeLessThanOrEqual(90);
    }
  });

  it('cites framework references on at least 85% of the questions', () => {
    const withReferences = bank.questions.filter((q) => q.references.length > 0).length;
    expect(withReferences / bank.questions.length).toBeGreaterThanOrEqual(0.85);
  });

  it('cites only control ids from the verified control list', () => {
    const unknown = bank.questions.flatMap((q) =>
      q.references
        .filter((r) => !CONTROL_IDS[r.framework].includes(r.control))
        .map((r) => `${q.id}: ${r.framework} ${r.control}`),
    );
    expect(unknown).toEqual([]);
  });

  it('resolves every action reference, and uses every action', () => {
    const defined = new Set(bank.actions.map((a) => a.id));
    expect(defined.size).toBe(bank.actions.length);
    const referenced = new Set<string>();
    for (const q of bank.questions) {
      for (const o of q.options) for (const a of optionActionIds(o)) referenced.add(a);
      if (q.discovery) referenced.add(q.discovery);
    }
    expect([...referenced].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !referenced.has(id))).toEqual([]);
  });

  it('makes discovery actions small (effort S) and keeps action titles short', () => {
    const discovery = new Set(bank.questions.map((q) => q.discovery));
    for (const a of bank.actions) {
      if (discovery.has(a.id)) expect(a.effort, a.id).toBe('S');
      expect(a.title.length, a.id).toBeLessThan(80);
    }
  });

  it('asks at least 25 organisation-wide questions once, and none of them hangs on a channel', () => {
    const wide = bank.questions.filter(isOrganisationWide);
    expect(wide.length).toBeGreaterThanOrEqual(25);
    // A channel is a journey's property: an organisation-wide fact that really differed
    // by channel would belong in a journey question. None does today.
    expect(wide.filter((q) => q.appliesTo?.channels !== undefined).map((q) => q.id)).toEqual([]);
  });

  it('keeps a fresh journey walk to at most 45 questions, even for a journey that meets every condition', () => {
    const systems: System[] = SYSTEM_KINDS.map((kind) => ({ id: kind, name: kind, kind, owner: '', vendor: '' }));
    const everything: Journey = {
      id: 'all',
      name: 'All',
      description: '',
      sensitivity: 'high',
      channels: [...CHANNELS],
      dataCategories: [...DATA_CATEGORIES],
      systemIds: systems.map((s) => s.id),
    };
    const plain: Journey = { ...everything, id: 'plain', channels: ['voice'], dataCategories: ['contact-details'], systemIds: ['crm'] };
    const walk = (journey: Journey) => questionsFor(bank, journey, { systems }).filter((q) => !isOrganisationWide(q));
    expect(walk(everything).length).toBeLessThanOrEqual(45);
    // A phone journey on a CRM asks what is specific to it: a short walk, not the bank.
    expect(walk(plain).length).toBeGreaterThanOrEqual(15);
    expect(walk(plain).length).toBeLessThanOrEqual(25);
  });

  it('marks 18 to 25 core questions, covering every dimension', () => {
    const core = bank.questions.filter((q) => q.core === true);
    expect(core.length).toBeGreaterThanOrEqual(18);
    expect(core.length).toBeLessThanOrEqual(25);
    // The five operational questions of DESIGN.md are the first five dimensions here.
    expect(new Set(core.map((q) => q.dimension))).toEqual(new Set(DIMENSIONS));
  });

  it('gives every option label once in the bank, and scores each cross-cutting fact in one question', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const q of bank.questions) {
      for (const o of q.options) {
        const key = o.label.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
        if (seen.has(key)) repeated.push(`${seen.get(key)} and ${q.id}: ${o.label}`);
        else seen.set(key, q.id);
      }
    }
    expect(repeated).toEqual([]);
    // Facts the 1.x bank scored in several questions: each now has one home.
    const homes: Array<[RegExp, string]> = [
      [/forward/i, 'mailbox-auto-forwarding'],
      [/shared logins?\b|logins? (are|is) shared/i, 'shared-accounts'],
      [/handed to the next hire/i, 'bpo-account-lifecycle'],
    ];
    for (const [fact, home] of homes) {
      const where = bank.questions.filter((q) => q.options.some((o) => fact.test(o.label))).map((q) => q.id);
      expect(where, String(fact)).toEqual([home]);
    }
  });

  it('makes fixes that need another fix first say so', () => {
    const requires = new Map(bank.actions.map((a) => [a.id, a.requires ?? []]));
    expect(requires.get('export-and-view-alerts')).toContain('central-access-logging');
    expect(requires.get('mask-free-text-hits')).toContain('free-text-pii-scanner');
    expect(requires.get('erasure-across-copies')).toContain('build-cx-data-inventory');
    expect(requires.get('configure-tool-retention')).toContain('retention-schedule');
    expect(requires.get('reduce-integration-scopes')).toContain('build-connected-app-inventory');
    expect(requires.get('jml-automation')).toContain('hr-leaver-feed');
  });

  it('asks data-category questions only of the journeys that handle that data', () => {
    const byCategory = (category: string) =>
      bank.questions.filter((q) => q.appliesTo?.dataCategories?.includes(category as never)).map((q) => q.id);
    for (const category of ['health-data', 'identity-documents', 'children-data', 'account-credentials', 'special-category', 'payment-data']) {
      expect(byCategory(category).length, category).toBeGreaterThan(0);
    }
  });

  it('says in its description which legal frame it assumes and which tool to answer for', () => {
    expect(bank.description).toMatch(/GDPR or the UK GDPR/);
    expect(bank.description).toMatch(/weakest\s+tool the journey touches/);
  });

  it('keeps out the wording an outside review found legally off or unfair', () => {
    const prose = [
      bank.description,
      ...bank.questions.flatMap((q) => [q.prompt, q.help ?? '', ...q.options.map((o) => o.label)]),
      ...bank.actions.flatMap((a) => [a.title, a.detail]),
    ];
    // The notice clock told wrongly, Art. 22 widened, "unlawful" for what needs a basis, a
    // stereotype of outsourced staff, and vendor promises no vendor can keep.
    const off = [/notification clock/i, /right to a human look/i, /is unlawful/i, /paid less/i, /no retention and no training/i, /keeps nothing/i, /rules out retention/i];
    expect(prose.filter((p) => off.some((phrase) => phrase.test(p)))).toEqual([]);
    // The 72-hour deadline only ever with its condition (Art. 33(1): unless unlikely to put anyone at risk).
    const sentences = prose.flatMap((p) => p.split(/(?<=[.!?])\s+/)).filter((s) => /72 hours/.test(s));
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(s, s).toMatch(/unless/);
  });

  it('cites no control the review found weak for that question', () => {
    const weak: Array<[string, string]> = [
      ['leaver-removal', 'A.6.5'],
      ['integration-token-hygiene', '8.6.2'],
      ['chatbot-data-collection', '4.2.2'],
      ['analytics-identifiers', 'Art. 4(5)'],
      ['unsanctioned-ai-paste', 'Art. 28(1)'],
      ['connected-app-inventory', 'A.5.14'],
      ['app-install-rights', 'CC8.1'],
    ];
    const questions = new Map(bank.questions.map((q) => [q.id, q]));
    for (const [questionId, control] of weak) {
      const q = questions.get(questionId)!;
      expect(q, questionId).toBeDefined();
      expect(q.references.map((r) => r.control), questionId).not.toContain(control);
    }
  });

  it('uses the relevant controls the 1.x bank left uncited', () => {
    const cited = new Set(bank.questions.flatMap((q) => q.references.map((r) => `${r.framework} ${r.control}`)));
    const wanted = [
      'GDPR Art. 44', 'GDPR Art. 46(2)(c)', 'GDPR Art. 34(1)', 'ISO27001 A.5.12', 'ISO27001 A.5.34', 'ISO27001 A.5.3',
      'PCI-DSS 3.2.1', 'PCI-DSS 3.4.2', 'PCI-DSS 7.2.6', 'PCI-DSS 8.4.2', 'PCI-DSS 10.2.1.1', 'PCI-DSS 10.4.1',
      'PCI-DSS 12.8.1', 'PCI-DSS 12.8.2', 'PCI-DSS 12.8.4', 'PCI-DSS 12.8.5', 'NIST-CSF GV.SC-07', 'NIST-CSF DE.AE-03',
    ];
    expect(wanted.filter((w) => !cited.has(w))).toEqual([]);
  });
});

describe('the example bank docs/examples/example-bank.yaml', () => {
  it('parses with the bank schema and resolves its action references', () => {
    const example = loadBank('docs/examples/example-bank.yaml');
    expect(example.dimensions).toHaveLength(2);
    expect(example.questions).toHaveLength(3);
    expect(example.actions).toHaveLength(4);
    const defined = new Set(example.actions.map((a) => a.id));
    for (const q of example.questions) {
      expect(example.dimensions.map((d) => d.id)).toContain(q.dimension);
      for (const id of [...q.options.flatMap((o) => optionActionIds(o)), ...(q.discovery ? [q.discovery] : [])]) {
        expect(defined.has(id), `${q.id} -> ${id}`).toBe(true);
      }
    }
  });

  it('is the example shown in docs/question-banks.md, byte for byte', () => {
    const example = readFileSync(join(ROOT, 'docs', 'examples', 'example-bank.yaml'), 'utf8');
    const guide = readFileSync(join(ROOT, 'docs', 'question-banks.md'), 'utf8');
    expect(guide).toContain('```yaml\n' + example + '```');
  });
});
