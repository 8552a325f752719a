/** Claims import (pure), and the controls a question's help names. */
import { describe, expect, it } from 'vitest';
import { applyClaims, frameworkNamed, planClaimsImport } from '../../../src/core/controls/claims-import.js';
import type { ControlClaim } from '../../../src/core/controls/claims.js';
import { assessment } from '../model-fixtures.js';

const header = { line: 1, cells: ['Framework', 'Control ID', 'Status', 'Last audited', 'Auditor'] };
const row = (line: number, ...cells: string[]) => ({ line, cells });
const claim = (framework: ControlClaim['framework'], controlId: string, status: ControlClaim['status'] = 'implemented'): ControlClaim => ({ framework, controlId, status, auditedOn: null, reference: '' });

describe('planClaimsImport', () => {
  it('reads the statuses and frameworks as GRC tools write them', () => {
    expect(['ISO/IEC 27001:2022', 'iso 27001', 'NIST CSF 2.0', 'PCI DSS v4.0.1', 'SOC 2 Type II', 'gdpr', 'HIPAA'].map(frameworkNamed)).toEqual(['ISO27001', 'ISO27001', 'NIST-CSF', 'PCI-DSS', 'SOC2', 'GDPR', undefined]);
    const r = planClaimsImport({}, header, [row(2, 'ISO27001', 'A.5.18', 'Partially Implemented', '', ''), row(3, 'SOC 2', 'CC6.1', 'N/A', '2026-01-31', 'Type II 2025'), row(4, 'ISO27001', 'A.8.15', 'not_implemented', '', '')], '2026-11-20', 'c.csv');
    expect(r.ok && r.claims).toEqual([
      { framework: 'ISO27001', controlId: 'A.5.18', status: 'partially', auditedOn: null, reference: '' },
      { framework: 'SOC2', controlId: 'CC6.1', status: 'not-applicable', auditedOn: '2026-01-31', reference: 'Type II 2025' },
      { framework: 'ISO27001', controlId: 'A.8.15', status: 'not-implemented', auditedOn: null, reference: '' },
    ]);
  });

  it('names the missing columns, and refuses a file without rows', () => {
    expect(planClaimsImport({}, { line: 1, cells: ['framework', 'state'] }, [], '2026-11-20', 'c.csv')).toEqual({
      ok: false,
      problems: ['c.csv:1: the header lacks the columns "control id", "status"; the first row must name the columns framework, control id, status, last audited, auditor or report reference.'],
    });
    expect(planClaimsImport({}, header, [row(2, '', '', '', '', '')], '2026-11-20', 'c.csv')).toMatchObject({ ok: false, problems: ['c.csv: no claims: the file has a header and no rows; add one row per control.'] });
  });

  it('suggests the id a near miss means; an audit date may be today but not tomorrow', () => {
    const r = planClaimsImport({}, header, [row(2, 'NIST-CSF', 'PR.AA-5', 'implemented', '2026-11-20', ''), row(3, 'GDPR', 'Art. 32(1)', 'implemented', '2026-11-21', '')], '2026-11-20', 'c.csv');
    expect(r).toEqual({
      ok: false,
      problems: [
        'c.csv:2: row 1: unknown NIST-CSF control id "PR.AA-5"; did you mean "PR.AA-05"?',
        'c.csv:3: row 2: the last audited date 2026-11-21 is in the future (today is 2026-11-20); give the day the audit took place.',
      ],
    });
  });

  it('replaces the claims of the frameworks the file names, and keeps the others', () => {
    const before = { controlClaims: [claim('ISO27001', 'A.5.1'), claim('ISO27001', 'A.5.18', 'partially'), claim('SOC2', 'CC6.1')] };
    const r = planClaimsImport(before, header, [row(2, 'ISO27001', 'A.5.18', 'implemented', '', ''), row(3, 'ISO27001', 'A.8.15', 'implemented', '', '')], '2026-11-20', 'c.csv');
    if (!r.ok) throw new Error(r.problems.join());
    expect(r.changes.map((c) => [c.status, c.status === 'removed' ? c.before.controlId : c.after.controlId])).toEqual([
      ['changed', 'A.5.18'],
      ['added', 'A.8.15'],
      ['removed', 'A.5.1'],
    ]);
    const after = applyClaims(assessment([], [], before), r.claims, r.frameworks);
    expect(after.controlClaims!.map((c) => `${c.framework} ${c.controlId} ${c.status}`)).toEqual(['ISO27001 A.5.18 implemented', 'ISO27001 A.8.15 implemented', 'SOC2 CC6.1 implemented']);
  });
});

describe('helpWithControls', () => {
  it('adds the cited controls after the help, and escapes what markdown would read', async () => {
    const { helpWithControls } = await import('../../../src/core/controls/question-controls.js');
    expect(helpWithControls({ help: 'Why.', references: [] })).toBe('Why.');
    expect(helpWithControls({ references: [] })).toBeUndefined();
    expect(helpWithControls({ help: 'Why.', references: [{ framework: 'GDPR', control: 'Art. 5(1)(c)', title: 'x' }, { framework: 'SOC2', control: 'CC6.9', title: 'x' }] })).toBe(
      '**Controls:** GDPR Art. 5(1)(c) · SOC2 CC6.9\n\nWhy.\n\n**Controls it tests in practice**\n\n- GDPR (Regulation (EU) 2016/679) Art. 5(1)(c) Data minimisation\n- SOC 2 (Trust Services Criteria 2017) CC6.9',
    );
  });
});
