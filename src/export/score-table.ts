/**
 * The scores as a compact terminal table: journeys x dimensions, each cell exposure /
 * visibility, with a journey column and an overall row. Names are stripped of terminal
 * control sequences. Colour (exposure bands) only when asked for. Pure.
 */
import type { Figures, Report } from '../core/report-schema.js';
import { plainLine } from '../core/terminal-text.js';

export interface ScoreTableOptions {
  /** Colour the exposure figures by band (the caller decides: a TTY and no NO_COLOR). */
  color?: boolean;
  /** Widest a journey name may be before it is cut with "…". */
  nameWidth?: number;
}

const BAND_COLOURS = ['32', '33', '38;5;208', '31'] as const; // green, yellow, orange, red

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

function pad(text: string, width: number, right = false): string {
  const len = [...text].length;
  const space = ' '.repeat(Math.max(0, width - len));
  return right ? space + text : text + space;
}

function cell(figures: Figures): { text: string; exposure: number | null } {
  const exposure = figures.exposure === null ? null : Math.round(figures.exposure);
  const visibility = figures.visibility === null ? '—' : String(Math.round(figures.visibility));
  return { text: `${exposure ?? '—'} / ${visibility}`, exposure };
}

/** The table, with a title line and a legend; ends with a newline. */
export function renderScoreTable(report: Report, options: ScoreTableOptions = {}): string {
  const paint = (text: string, code: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const band = (exposure: number | null) => (exposure === null ? undefined : BAND_COLOURS[Math.min(3, Math.floor(exposure / 25))]);
  const nameWidth = options.nameWidth ?? 36;

  const header = ['Journey', ...report.dimensions.map((d) => plainLine(d.title)), 'Overall', 'Answered'];
  const rows = report.journeys.map((j) => ({
    name: plainLine(j.name),
    cells: [...j.dimensions.map(cell), cell(j)],
    answered: `${j.progress.answered}/${j.progress.total}`,
  }));
  rows.push({
    name: 'All journeys (by sensitivity)',
    cells: [...report.overall.dimensions.map(cell), cell(report.overall)],
    answered: `${report.overall.progress.answered}/${report.overall.progress.total}`,
  });

  const firstWidth = Math.min(nameWidth, Math.max(header[0]!.length, ...rows.map((r) => [...r.name].length)));
  const cellWidths = header.slice(1, -1).map((title, c) => Math.max(Math.min([...title].length, 14), ...rows.map((r) => r.cells[c]!.text.length)));
  const answeredWidth = Math.max('Answered'.length, ...rows.map((r) => r.answered.length));

  const lines: string[] = [];
  const title = `${plainLine(report.assessment.name)} · bank ${plainLine(report.bank.id)} ${plainLine(report.bank.version)} · ${report.generatedAt.slice(0, 10)}`;
  lines.push(paint(title, '1'), '');
  lines.push(
    paint(
      [
        pad('Journey', firstWidth),
        ...header.slice(1, -1).map((t, c) => pad(fit(t, cellWidths[c]!), cellWidths[c]!, true)),
        pad('Answered', answeredWidth, true),
      ].join('  '),
      '1',
    ),
  );
  rows.forEach((row, r) => {
    const isOverall = r === rows.length - 1;
    const cells = row.cells.map((c, i) => {
      const padded = pad(c.text, cellWidths[i]!, true);
      const colour = band(c.exposure);
      if (!colour || !options.color) return padded;
      // Colour only the exposure figure, not the padding or the visibility.
      const at = padded.length - c.text.length;
      const [exposure, rest] = [c.text.slice(0, c.text.indexOf(' /')), c.text.slice(c.text.indexOf(' /'))];
      return padded.slice(0, at) + paint(exposure, colour) + rest;
    });
    // The overall row stands out by its bold name (bolding the whole line would be undone by the cell colours).
    const name = pad(fit(row.name, firstWidth), firstWidth);
    const line = [isOverall ? paint(name, '1') : name, ...cells, pad(row.answered, answeredWidth, true)].join('  ');
    if (isOverall) lines.push('');
    lines.push(line);
  });
  if (report.journeys.length === 0) lines.splice(lines.length - 2, 0, '(no journeys yet)');
  lines.push(
    '',
    'Cells: exposure / visibility, 0-100; — no figure. Exposure 0 is well controlled, 100 fully exposed;',
    'visibility 100 means every answer was verified, 0 that nobody knows.',
  );
  const gaps = report.visibilityGaps.reduce((n, g) => n + g.entries.length, 0);
  if (gaps > 0 || report.onSomeonesWord > 0) {
    lines.push('', `Visibility gaps: ${gaps} (unknown or disputed); ${report.onSomeonesWord} on someone's word.`);
  }
  if (report.findOut.length > 0) {
    lines.push('', `Find out first: ${report.findOut.length} question${report.findOut.length === 1 ? '' : 's'} nobody could answer; first: ${plainLine(report.findOut[0]!.title)}.`);
  }
  const first = report.plan[0];
  if (first) {
    lines.push(
      '',
      `Fix: ${report.plan.length} action${report.plan.length === 1 ? '' : 's'}, ${report.plan.filter((p) => p.horizon === 'now').length} now; first: ${plainLine(first.title)} (priority ${Number(first.effectivePriority.toFixed(1))}).`,
    );
  }
  return lines.join('\n') + '\n';
}
