/**
 * Claims from a table (a Statement of Applicability or an audit result exported from a
 * GRC tool): framework, control id, status, last audited, auditor or report. Every row
 * is checked first (framework, id against the catalogue, status, date, duplicates) and
 * every problem reported with its row; nothing is applied unless all rows are valid. The
 * claims of the frameworks the file names replace those the assessment had; other
 * frameworks' claims stay. Pure: no I/O, `today` is given.
 */
import { plainLine } from '../terminal-text.js';
import type { Assessment } from '../workbook-schema.js';
import { FRAMEWORKS, FRAMEWORK_INFO, checkReference, findControl, type Framework } from './catalogue.js';
import type { ClaimStatus, ControlClaim } from './claims.js';

/** One row of the table: its line in the file and its cells. */
export interface ClaimRow {
  line: number;
  cells: string[];
}

export type ClaimChange =
  | { status: 'added'; line: number; after: ControlClaim }
  | { status: 'changed'; line: number; before: ControlClaim; after: ControlClaim }
  | { status: 'unchanged'; line: number; after: ControlClaim }
  | { status: 'removed'; before: ControlClaim };

export type ClaimsImportResult =
  | { ok: true; claims: ControlClaim[]; frameworks: Framework[]; changes: ClaimChange[] }
  | { ok: false; problems: string[] };

/** Header names accepted for each column (compared without case, spaces or punctuation). */
const COLUMNS = {
  framework: ['framework', 'standard'],
  controlId: ['control id', 'control', 'id', 'control ref', 'reference id', 'requirement'],
  status: ['status', 'implementation status', 'result'],
  auditedOn: ['last audited', 'last audited date', 'audited', 'audited on', 'audit date', 'date'],
  reference: ['auditor or report reference', 'auditor', 'report', 'report reference', 'reference', 'evidence', 'source'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['framework', 'controlId', 'status'];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const STATUS_WORDS: Record<string, ClaimStatus> = {
  implemented: 'implemented',
  yes: 'implemented',
  compliant: 'implemented',
  inplace: 'implemented',
  partially: 'partially',
  partial: 'partially',
  partiallyimplemented: 'partially',
  partiallycompliant: 'partially',
  notimplemented: 'not-implemented',
  no: 'not-implemented',
  noncompliant: 'not-implemented',
  notapplicable: 'not-applicable',
  na: 'not-applicable',
  excluded: 'not-applicable',
};

/** A cell as a message quotes it: one line, no terminal controls, not too long. */
function quoted(cell: string): string {
  const line = plainLine(cell);
  return `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;
}

/** The framework a cell names: ISO27001, "ISO/IEC 27001:2022", "nist csf", "PCI DSS 4.0.1", "SOC 2" ... */
export function frameworkNamed(cell: string): Framework | undefined {
  const s = squash(cell).replace(/^isoiec/, 'iso');
  if (s.startsWith('iso27001') || s === 'iso27002') return 'ISO27001';
  if (s.startsWith('nistcsf') || s.startsWith('csf')) return 'NIST-CSF';
  if (s.startsWith('pcidss') || s === 'pci') return 'PCI-DSS';
  if (s.startsWith('soc2') || s === 'tsc') return 'SOC2';
  if (s.startsWith('gdpr') || s === 'rgpd' || s === 'dsgvo') return 'GDPR';
  return undefined;
}

/** A calendar day YYYY-MM-DD that exists and is not after `today`. */
function dayProblem(cell: string, today: string): string | undefined {
  const m = cell.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return `the last audited date ${quoted(cell)} is not a day written YYYY-MM-DD (e.g. 2026-06-30)`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return `the last audited date ${quoted(cell)} is not a day of the calendar`;
  if (cell > today) return `the last audited date ${cell} is in the future (today is ${today}); give the day the audit took place`;
  return undefined;
}

const key = (framework: Framework, id: string) => `${framework}\u0000${id}`;

function same(a: ControlClaim, b: ControlClaim): boolean {
  return a.status === b.status && a.auditedOn === b.auditedOn && a.reference === b.reference;
}

/**
 * Checks the rows. `file` prefixes each problem (`claims.csv:7: row 6: ...`); `header`
 * is the first row; `today` (YYYY-MM-DD) bounds the audit dates.
 */
export function planClaimsImport(assessment: Pick<Assessment, 'controlClaims'>, header: ClaimRow, rows: readonly ClaimRow[], today: string, file: string): ClaimsImportResult {
  const columns = new Map<Column, number>();
  header.cells.forEach((name, i) => {
    const s = squash(name);
    for (const column of Object.keys(COLUMNS) as Column[]) {
      if (!columns.has(column) && COLUMNS[column].some((n) => squash(n) === s)) columns.set(column, i);
    }
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    const names = { framework: 'framework', controlId: 'control id', status: 'status' } as Record<Column, string>;
    return {
      ok: false,
      problems: [
        `${file}:${header.line}: the header lacks the column${missing.length === 1 ? '' : 's'} ${missing.map((c) => `"${names[c]}"`).join(', ')}; the first row must name the columns framework, control id, status, last audited, auditor or report reference.`,
      ],
    };
  }
  const cell = (row: ClaimRow, column: Column) => {
    const i = columns.get(column);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };

  const problems: string[] = [];
  const seen = new Map<string, number>();
  const claims: ControlClaim[] = [];
  const lines = new Map<ControlClaim, number>();
  rows.forEach((row, index) => {
    if (row.cells.every((c) => c.trim() === '')) return;
    const at = `${file}:${row.line}: row ${index + 1}`;
    const rowProblems: string[] = [];
    const frameworkCell = cell(row, 'framework');
    const framework = frameworkNamed(frameworkCell);
    if (!framework) {
      rowProblems.push(
        frameworkCell === ''
          ? `no framework; name one of ${FRAMEWORKS.join(', ')}`
          : `unknown framework ${quoted(frameworkCell)}; use ${FRAMEWORKS.join(', ')}`,
      );
    }
    const id = cell(row, 'controlId');
    if (id === '') rowProblems.push('no control id');
    else if (id.length > 40) rowProblems.push(`the control id ${quoted(id)} is longer than 40 characters`);
    else if (framework && !findControl(framework, id)) {
      const check = checkReference({ framework, control: id, title: '' });
      if (check.kind === 'iso2013') {
        rowProblems.push(`${quoted(id)} is a 2013 id (${check.was.title}); 2022 maps it to ${check.was.becomes.join(' and ')}, so claim ${check.was.becomes.join(' or ')}`);
      } else {
        const hint = check.kind === 'unknown' && check.suggestion ? `; did you mean "${check.suggestion}"?` : `; use an id of ${FRAMEWORK_INFO[framework].label} written like ${FRAMEWORK_INFO[framework].idForm}`;
        rowProblems.push(`unknown ${framework} control id ${quoted(id)}${hint}`);
      }
    }
    const statusCell = cell(row, 'status');
    const status = STATUS_WORDS[squash(statusCell)];
    if (!status) {
      rowProblems.push(`${statusCell === '' ? 'no status' : `unknown status ${quoted(statusCell)}`}; use implemented, partially, not implemented or not applicable`);
    }
    const auditedCell = cell(row, 'auditedOn');
    const dateProblem = auditedCell === '' ? undefined : dayProblem(auditedCell, today);
    if (dateProblem) rowProblems.push(dateProblem);
    const reference = cell(row, 'reference');
    if (reference.length > 200) rowProblems.push('the auditor or report reference is longer than 200 characters; shorten it');

    if (framework && id !== '' && findControl(framework, id)) {
      const earlier = seen.get(key(framework, id));
      if (earlier !== undefined) rowProblems.push(`${framework} ${id} is claimed twice (first on row ${earlier}); keep one row per control`);
      else seen.set(key(framework, id), index + 1);
    }
    if (rowProblems.length > 0) {
      for (const p of rowProblems) problems.push(`${at}: ${p}.`.replace(/\?\.$/, '?'));
      return;
    }
    const claim: ControlClaim = { framework: framework!, controlId: id, status: status!, auditedOn: auditedCell === '' ? null : auditedCell, reference };
    claims.push(claim);
    lines.set(claim, row.line);
  });
  if (problems.length > 0) return { ok: false, problems };
  if (claims.length === 0) return { ok: false, problems: [`${file}: no claims: the file has a header and no rows; add one row per control.`] };

  const frameworks = FRAMEWORKS.filter((f) => claims.some((c) => c.framework === f));
  const before = new Map((assessment.controlClaims ?? []).map((c) => [key(c.framework, c.controlId), c]));
  const changes: ClaimChange[] = claims.map((after) => {
    const was = before.get(key(after.framework, after.controlId));
    const line = lines.get(after)!;
    if (!was) return { status: 'added', line, after };
    return same(was, after) ? { status: 'unchanged', line, after } : { status: 'changed', line, before: was, after };
  });
  const now = new Set(claims.map((c) => key(c.framework, c.controlId)));
  for (const was of assessment.controlClaims ?? []) {
    if (frameworks.includes(was.framework) && !now.has(key(was.framework, was.controlId))) changes.push({ status: 'removed', before: was });
  }
  return { ok: true, claims, frameworks, changes };
}

/** The assessment with the imported claims in place of those of the same frameworks. */
export function applyClaims(assessment: Assessment, claims: readonly ControlClaim[], frameworks: readonly Framework[]): Assessment {
  const kept = (assessment.controlClaims ?? []).filter((c) => !frameworks.includes(c.framework));
  const order = new Map(FRAMEWORKS.map((f, i) => [f, i]));
  const all = [...kept, ...claims].sort((a, b) => order.get(a.framework)! - order.get(b.framework)!);
  return { ...assessment, controlClaims: all };
}
