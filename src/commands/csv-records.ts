/**
 * The one way the import commands read a CSV a person or a tracker filled in
 * (`import`, `requests import`, `import-status`): the file read as UTF-8, every record parsed with
 * its line number and each cell's spreadsheet-formula guard undone, and the header apart
 * from the rows. A file that cannot be read, a CSV syntax error (with its line) or an
 * empty file is one sentence naming the fix; nothing has been imported then.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { CsvSyntaxError, parseCsv, restoreCell } from '../export/csv.js';

export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * The header and rows of `file` (relative to `cwd`). `command` starts the messages
 * ("requests import"); `whenEmpty` says where a filled file comes from.
 */
export async function readCsvRecords(cwd: string, file: string, command: string, whenEmpty: string): Promise<{ path: string; header: CsvRecord; rows: CsvRecord[] }> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${command}: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}.`);
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(text).map((r) => ({ line: r.line, cells: r.cells.map(restoreCell) }));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UserError(`${file}:${error.line}: ${error.message}; nothing was imported.`, 1);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new UserError(`${command}: ${file} is empty; ${whenEmpty}.`, 1);
  return { path, header, rows };
}
