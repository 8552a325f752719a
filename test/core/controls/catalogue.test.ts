/**
 * The control catalogue: complete for what cxray cites, consistent in itself, and
 * shaped as each framework numbers its controls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BankSchema } from '../../../src/core/bank-schema.js';
import {
  FRAMEWORKS,
  FRAMEWORK_INFO,
  checkReference,
  controlsOf,
  findControl,
  findIso2013,
  sameTitle,
  suggestControl,
  type Framework,
} from '../../../src/core/controls/catalogue.js';
import { ISO27001_2013_TO_2022 } from '../../../src/core/controls/iso27001-2013-data.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Every id of the project's verified control list (reference/controls.md), per framework. */
const VERIFIED: Record<Framework, readonly string[]> = {
  GDPR: ['Art. 4(5)', 'Art. 5(1)(b)', 'Art. 5(1)(c)', 'Art. 5(1)(e)', 'Art. 5(1)(f)', 'Art. 5(2)', 'Art. 15(1)', 'Art. 17(1)', 'Art. 19', 'Art. 22(1)', 'Art. 24(1)', 'Art. 25(1)', 'Art. 25(2)', 'Art. 28(1)', 'Art. 28(2)', 'Art. 28(3)', 'Art. 29', 'Art. 30(1)', 'Art. 30(2)', 'Art. 32(1)', 'Art. 32(2)', 'Art. 32(4)', 'Art. 33(1)', 'Art. 33(2)', 'Art. 33(5)', 'Art. 34(1)', 'Art. 35(1)', 'Art. 35(3)(a)', 'Art. 35(7)', 'Art. 44', 'Art. 46(2)(c)'],
  ISO27001: ['A.5.3', 'A.5.9', 'A.5.10', 'A.5.12', 'A.5.14', 'A.5.15', 'A.5.16', 'A.5.17', 'A.5.18', 'A.5.19', 'A.5.20', 'A.5.21', 'A.5.22', 'A.5.23', 'A.5.24', 'A.5.25', 'A.5.26', 'A.5.33', 'A.5.34', 'A.6.5', 'A.7.10', 'A.7.14', 'A.8.2', 'A.8.3', 'A.8.5', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.15', 'A.8.16', 'A.8.24', 'A.8.33'],
  'NIST-CSF': ['GV.OC-03', 'GV.SC-04', 'GV.SC-05', 'GV.SC-06', 'GV.SC-07', 'GV.SC-10', 'ID.AM-02', 'ID.AM-03', 'ID.AM-04', 'ID.AM-05', 'ID.AM-07', 'ID.AM-08', 'ID.RA-10', 'PR.AA-01', 'PR.AA-03', 'PR.AA-05', 'PR.AT-01', 'PR.DS-01', 'PR.DS-02', 'PR.DS-10', 'PR.PS-04', 'DE.CM-03', 'DE.CM-06', 'DE.CM-09', 'DE.AE-02', 'DE.AE-03', 'DE.AE-08'],
  'PCI-DSS': ['1.2.4', '3.2.1', '3.3.1', '3.3.1.1', '3.3.1.2', '3.3.1.3', '3.3.2', '3.4.1', '3.4.2', '3.5.1', '4.2.2', '6.5.5', '7.2.1', '7.2.2', '7.2.4', '7.2.5', '7.2.6', '8.2.1', '8.2.2', '8.2.4', '8.2.5', '8.2.6', '8.2.7', '8.4.2', '8.4.3', '8.6.1', '8.6.2', '10.2.1.1', '10.2.1.2', '10.2.2', '10.4.1', '10.4.1.1', '10.5.1', '12.5.1', '12.8.1', '12.8.2', '12.8.4', '12.8.5', '12.10.7', 'A3.2.5', 'A3.2.6'],
  SOC2: ['CC2.1', 'CC6.1', 'CC6.2', 'CC6.3', 'CC6.5', 'CC6.6', 'CC6.7', 'CC7.2', 'CC7.3', 'CC7.4', 'CC8.1', 'CC9.2', 'C1.1', 'C1.2', 'P3.1', 'P4.1', 'P4.2', 'P4.3', 'P6.1', 'P6.3', 'P6.4', 'P6.5', 'P6.6'],
};

/** The shape of a leaf id in each framework (what a bank normally cites). */
const SHAPE: Record<Framework, RegExp> = {
  GDPR: /^Art\. \d{1,2}(\(\d{1,2}\)(\([a-z]\))?)?$/,
  ISO27001: /^(A\.[5-8](\.\d{1,2})?|\d{1,2}(\.\d){0,2})$/,
  'NIST-CSF': /^[A-Z]{2}(\.[A-Z]{2}(-\d{2})?)?$/,
  'PCI-DSS': /^(A|A?\d{1,2}(\.\d{1,2}){0,4})$/,
  SOC2: /^(CC[1-9]|A1|C1|PI1|P[1-8])(\.\d)?$/,
};

describe('the catalogue', () => {
  it.each(FRAMEWORKS)('%s: ids unique, well formed, titled, and every parent present before its children', (framework) => {
    const controls = controlsOf(framework);
    const ids = controls.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Set<string>();
    for (const c of controls) {
      expect(c.id, c.id).toMatch(SHAPE[framework]);
      expect(c.title.trim().length, c.id).toBeGreaterThan(2);
      expect(c.title.length, c.id).toBeLessThanOrEqual(200);
      expect(c.title, c.id).not.toMatch(/[\n\t]|\s{2}/);
      if (c.parent !== undefined) expect(seen.has(c.parent), `${c.id} under ${c.parent}`).toBe(true);
      seen.add(c.id);
    }
    expect(FRAMEWORK_INFO[framework].version.length).toBeGreaterThan(0);
  });

  it('holds every id of the verified control list', () => {
    for (const framework of FRAMEWORKS) {
      const missing = VERIFIED[framework].filter((id) => !findControl(framework, id));
      expect(missing, framework).toEqual([]);
    }
  });

  it('holds every id the built-in bank cites', () => {
    const bank = BankSchema.parse(parse(readFileSync(join(ROOT, 'questions', 'cx-data-exposure.yaml'), 'utf8')));
    const cited = bank.questions.flatMap((q) => q.references);
    expect(cited.length).toBeGreaterThan(50);
    expect(cited.filter((r) => !findControl(r.framework, r.control)).map((r) => `${r.framework} ${r.control}`)).toEqual([]);
  });

  it('counts what each framework has', () => {
    const count = (f: Framework, re: RegExp) => controlsOf(f).filter((c) => re.test(c.id)).length;
    expect(count('ISO27001', /^A\.\d\.\d+$/)).toBe(93);
    expect(count('ISO27001', /^A\.5\.\d+$/)).toBe(37);
    expect(count('ISO27001', /^A\.6\.\d+$/)).toBe(8);
    expect(count('ISO27001', /^A\.7\.\d+$/)).toBe(14);
    expect(count('ISO27001', /^A\.8\.\d+$/)).toBe(34);
    expect(count('NIST-CSF', /-\d\d$/)).toBe(106);
    expect(count('NIST-CSF', /^[A-Z]{2}$/)).toBe(6);
    expect(count('NIST-CSF', /^[A-Z]{2}\.[A-Z]{2}$/)).toBe(22);
    expect(count('GDPR', /^Art\. \d+$/)).toBe(99);
    expect(count('SOC2', /^CC\d\.\d$/)).toBe(33);
    expect(count('SOC2', /^P\d\.\d$/)).toBe(18);
    expect(count('PCI-DSS', /^\d+$/)).toBe(12);
  });

  it('names controls as the frameworks do', () => {
    expect(findControl('ISO27001', 'A.5.18')?.title).toBe('Access rights');
    expect(findControl('ISO27001', 'A.8.16')?.title).toBe('Monitoring activities');
    expect(findControl('ISO27001', 'A.8.16')?.parent).toBe('A.8');
    expect(findControl('GDPR', 'Art. 30')?.title).toBe('Records of processing activities');
    expect(findControl('GDPR', 'Art. 5(1)(c)')).toMatchObject({ title: 'Data minimisation', parent: 'Art. 5(1)' });
    expect(findControl('NIST-CSF', 'ID.AM')?.title).toBe('Asset Management');
    expect(findControl('PCI-DSS', '3')?.title).toBe('Protect Stored Account Data');
    expect(findControl('PCI-DSS', '3.3.1.2')?.parent).toBe('3.3.1');
    expect(findControl('SOC2', 'CC6.1')?.parent).toBe('CC6');
  });

  it('has none of the mis-cited ids of the reference list', () => {
    for (const id of ['A.9.2.5', 'A.9.2.6', 'A.12.4.1', 'A.13.2.1']) expect(findControl('ISO27001', id), id).toBeUndefined();
    for (const id of ['PR.AC-4', 'PR.AC-1', 'PR.PT-1', 'DE.CM-3', 'PR.DS-5', 'ID.AM-06', 'PR.DS-03']) expect(findControl('NIST-CSF', id), id).toBeUndefined();
    for (const id of ['8.1.3', '8.1.4', '10.7.1.1']) expect(findControl('PCI-DSS', id), id).toBeUndefined();
    for (const id of ['CC6.1.3', 'PP1.1']) expect(findControl('SOC2', id), id).toBeUndefined();
  });
});

describe('ISO/IEC 27001:2013 ids', () => {
  it('map every 2013 Annex A control to 2022 controls the catalogue has', () => {
    expect(ISO27001_2013_TO_2022).toHaveLength(114);
    for (const [id, title, becomes] of ISO27001_2013_TO_2022) {
      expect(title.length, id).toBeGreaterThan(2);
      expect(becomes.length, id).toBeGreaterThan(0);
      for (const to of becomes) expect(findControl('ISO27001', to), `${id} -> ${to}`).toBeDefined();
    }
  });

  it('follow the published correspondence where the reference list names it', () => {
    const to = (id: string) => findIso2013(id)?.becomes;
    expect(to('A.9.2.5')).toEqual(['A.5.18']);
    expect(to('A.9.2.6')).toEqual(['A.5.18']);
    expect(to('A.9.2.3')).toEqual(['A.8.2']);
    expect(to('A.9.2.1')).toEqual(['A.5.16']);
    expect(to('A.9.4.2')).toEqual(['A.8.5']);
    expect(to('A.12.4.1')).toEqual(['A.8.15']);
    expect(to('A.12.4.3')).toEqual(['A.8.15']);
    expect(to('A.8.1.1')).toEqual(['A.5.9']);
    expect(to('A.15.1.2')).toEqual(['A.5.20']);
    expect(to('A.18.1.4')).toEqual(['A.5.34']);
    expect(to('A.13.2.1')).toEqual(['A.5.14']);
  });
});

describe('checking a reference', () => {
  it('accepts a known id whose title matches, ignoring case and punctuation', () => {
    expect(checkReference({ framework: 'ISO27001', control: 'A.5.18', title: 'access rights.' }).kind).toBe('ok');
    expect(sameTitle('Integrity & confidentiality', 'integrity and confidentiality')).toBe(true);
    expect(sameTitle('Access rights', 'Access rights review')).toBe(false);
  });

  it('flags a title that differs', () => {
    const check = checkReference({ framework: 'ISO27001', control: 'A.5.9', title: 'Inventory of information and assets' });
    expect(check).toMatchObject({ kind: 'title-differs', control: { title: 'Inventory of information and other associated assets' } });
  });

  it('recognises a 2013 id', () => {
    expect(checkReference({ framework: 'ISO27001', control: 'A.9.2.5', title: 'x' })).toMatchObject({
      kind: 'iso2013',
      was: { title: 'Review of user access rights', becomes: ['A.5.18'] },
    });
  });

  it('suggests the id a near miss means, and nothing for a made-up one', () => {
    expect(suggestControl('ISO27001', 'a.5.18')).toBe('A.5.18');
    expect(suggestControl('NIST-CSF', 'DE.CM-3')).toBe('DE.CM-03');
    expect(suggestControl('GDPR', 'Article 5(1)(c)')).toBe('Art. 5(1)(c)');
    expect(suggestControl('GDPR', 'Art 32(1)')).toBe('Art. 32(1)');
    expect(checkReference({ framework: 'SOC2', control: 'CC6.9', title: 'x' })).toEqual({ kind: 'unknown' });
    expect(checkReference({ framework: 'ISO27001', control: 'A.5.99', title: 'x' })).toEqual({ kind: 'unknown' });
  });
});
