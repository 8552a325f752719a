/**
 * CSV as RFC 4180 writes it (comma, CRLF after every record, fields with a comma, a
 * semicolon, a quote or a line break quoted, quotes doubled), with spreadsheet formula
 * injection neutralised for a spreadsheet whose list separator is a comma and for one
 * whose separator is a semicolon (most of continental Europe), and a parser that reads
 * it back (and what spreadsheets save: LF or CRLF, a byte-order mark). Pure.
 *
 * The rule (docs/exports.md): a spreadsheet runs a cell as a formula when it starts with
 * = + - @, a tab or a CR. A semicolon spreadsheet does not split the file where we do:
 * it starts a cell after every semicolon, and, where its idea of quoting differs from
 * ours, after a line break. So a `'` goes at the start of a cell and after every `;`,
 * LF or CR in it, wherever what follows (after any quotes) is one of those characters.
 * Where the text already has `'` there, one more is added, so that reading back (which
 * removes one at each of those places) always gives the original text.
 */

const FORMULA = `['"]*[=+\\-@\\t\\r]`;
// Where a cell starts for one spreadsheet or the other: the cell's start; after ; LF CR.
const FORMULA_START = new RegExp(`^${FORMULA}`);
const NEUTRALISED_START = new RegExp(`^'(?=${FORMULA})`);
const INNER_STARTS = new RegExp(`([;\\n\\r])(?=${FORMULA})`, 'g');
const NEUTRALISED_INNER = new RegExp(`([;\\n\\r])'(?=${FORMULA})`, 'g');

/** The cell as a spreadsheet will show it, never as a formula, with either list separator. */
export function neutraliseCell(cell: string): string {
  const inner = /[;\n\r]/.test(cell) ? cell.replace(INNER_STARTS, `$1'`) : cell;
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/** Undoes `neutraliseCell`. */
export function restoreCell(cell: string): string {
  if (!cell.includes("'")) return cell;
  return cell.replace(NEUTRALISED_START, '').replace(NEUTRALISED_INNER, '$1');
}

function quoteField(field: string): string {
  return /[",;\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Rows of cells as CSV: every cell neutralised and quoted as needed, CRLF line ends. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => quoteField(neutraliseCell(cell))).join(',') + '\r\n').join('');
}

/** One record of a CSV file and the line it starts on (1-based, as an editor counts). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses CSV text into records. Quoted fields may hold commas, doubled quotes and line
 * breaks; lines end with CRLF, LF or CR; a leading byte-order mark is skipped; records
 * whose cells are all empty (blank lines) are left out. Cells are returned as written:
 * call `restoreCell` to undo formula neutralisation.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = source.length;
  const endRecord = () => {
    cells.push(field);
    if (cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
    cells = [];
    field = '';
  };
  while (i < n) {
    const c = source[i]!;
    if (c === '"' && field === '') {
      // A quoted field: runs to the next quote that is not doubled.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(startLine, 'a quoted field is never closed; add the closing double quote');
        const q = source[i]!;
        if (q === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && source[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      const next = source[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(line, 'text after a closing double quote; double the quotes inside a quoted field ("")');
      }
      continue;
    }
    if (c === ',') {
      cells.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}
