/**
 * The scores as a compact terminal table: journeys x dimensions, each cell exposure /
 * visibility, with a journey column and an overall row, fitted to the terminal's width
 * (titles, else short labels, else one block per journey: src/export/score-layout.ts).
 * Names are stripped of terminal control sequences. Colour (exposure bands) only when
 * asked for. Pure.
 */
import type { Figures, Report } from '../core/report-schema.js';
import { labelColumns } from '../core/dimension-short.js';
import { plainLine } from '../core/terminal-text.js';
import { ANSWERED_HEADER, BLOCK_INDENT, ENTRY_GAP, OVERALL_HEADER, scoreLayout, TABLE_GAP } from './score-layout.js';
import { scopeWords } from './scope-words.js';

export interface ScoreTableOptions {
  /** Colour the exposure figures by band (the caller decides: a TTY and no NO_COLOR). */
  color?: boolean;
  /** The terminal's width in columns: the table fits it (src/export/score-layout.ts); undefined when piped: full width. */
  width?: number | undefined;
}

/** A space the wrapping does not break at (a legend entry's). */
const NO_BREAK = '\u00a0';

const BAND_COLOURS = ['32', '33', '38;5;208', '31'] as const; // green, yellow, orange, red

/** The longest start of `text` that fits `width` columns, with "…" when cut. */
function fit(text: string, width: number): string {
  if (labelColumns(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (labelColumns(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

function pad(text: string, width: number, right = false): string {
  const space = ' '.repeat(Math.max(0, width - labelColumns(text)));
  return right ? space + text : text + space;
}

/** Plain text wrapped between words to `width` columns (a word longer than a line is cut across lines); unwrapped without a width. */
function wrapText(text: string, width: number | undefined): string[] {
  if (width === undefined || labelColumns(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (labelColumns(next) <= width) {
      line = next;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (labelColumns(line) > width) {
      const head = fit(line, width + 1).slice(0, -1);
      lines.push(head);
      line = line.slice(head.length);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

interface Cell {
  text: string;
  exposure: number | null;
}

function cell(figures: Figures): Cell {
  const exposure = figures.exposure === null ? null : Math.round(figures.exposure);
  const visibility = figures.visibility === null ? '—' : String(Math.round(figures.visibility));
  return { text: `${exposure ?? '—'} / ${visibility}`, exposure };
}

interface Row {
  name: string;
  cells: Cell[];
  overall: Cell;
  answered: string;
}

/** The table, with a title line and a legend, fitted to `options.width`; ends with a newline. */
export function renderScoreTable(report: Report, options: ScoreTableOptions = {}): string {
  const paint = (text: string, code: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const band = (exposure: number | null) => (exposure === null ? undefined : BAND_COLOURS[Math.min(3, Math.floor(exposure / 25))]);
  /** A cell padded to `width`, its exposure figure coloured (not the padding, nor the visibility). */
  const figure = (c: Cell, width: number) => {
    const padded = pad(c.text, width, true);
    const colour = band(c.exposure);
    if (!colour || !options.color) return padded;
    const at = padded.length - c.text.length;
    const slash = c.text.indexOf(' /');
    return padded.slice(0, at) + paint(c.text.slice(0, slash), colour) + c.text.slice(slash);
  };
  const width = options.width === undefined ? undefined : Math.max(1, options.width);
  const scope = scopeWords(report);

  const rows: Row[] = report.journeys.map((j) => ({
    name: plainLine(j.name),
    cells: j.dimensions.map(cell),
    overall: cell(j),
    answered: `${j.progress.answered}/${j.progress.total}`,
  }));
  rows.push({
    name: `All ${plainLine(scope.many)} (by sensitivity)`,
    cells: report.overall.dimensions.map(cell),
    overall: cell(report.overall),
    answered: `${report.overall.progress.answered}/${report.overall.progress.total}`,
  });
  const layout = scoreLayout({
    width,
    nameHeader: plainLine(scope.One),
    names: rows.map((r) => r.name),
    columns: report.dimensions.map((d, i) => ({
      title: plainLine(d.title),
      short: plainLine(d.short),
      figureWidth: Math.max(...rows.map((r) => labelColumns(r.cells[i]!.text))),
    })),
    overallWidth: Math.max(...rows.map((r) => labelColumns(r.overall.text))),
    answeredWidth: Math.max(...rows.map((r) => r.answered.length)),
  });

  const lines: string[] = [];
  const title = `${plainLine(report.assessment.name)} · bank ${plainLine(report.bank.id)} ${plainLine(report.bank.version)} · ${report.generatedAt.slice(0, 10)}`;
  lines.push(...wrapText(title, width).map((line) => paint(line, '1')), '');
  const isOverall = (r: number) => r === rows.length - 1;
  if (layout.mode === 'table') {
    const gap = ' '.repeat(TABLE_GAP);
    lines.push(
      paint(
        [
          pad(fit(plainLine(scope.One), layout.nameWidth), layout.nameWidth),
          ...layout.headers.map((t, c) => pad(t, layout.cellWidths[c]!, true)),
          pad(OVERALL_HEADER, layout.overallWidth, true),
          pad(ANSWERED_HEADER, layout.answeredWidth, true),
        ].join(gap),
        '1',
      ),
    );
    rows.forEach((row, r) => {
      // The overall row stands out by its bold name (bolding the whole line would be undone by the cell colours).
      const name = pad(fit(row.name, layout.nameWidth), layout.nameWidth);
      if (isOverall(r)) lines.push('');
      lines.push(
        [
          isOverall(r) ? paint(name, '1') : name,
          ...row.cells.map((c, i) => figure(c, layout.cellWidths[i]!)),
          figure(row.overall, layout.overallWidth),
          pad(row.answered, layout.answeredWidth, true),
        ].join(gap),
      );
    });
    if (report.journeys.length === 0) lines.splice(lines.length - 2, 0, `(no ${plainLine(scope.many)} yet)`);
  } else {
    const entry = (label: string, text: string) => pad(label, layout.labelWidth) + '  ' + text;
    rows.forEach((row, r) => {
      if (isOverall(r) && report.journeys.length === 0) lines.push(`(no ${plainLine(scope.many)} yet)`, '');
      lines.push(paint(width === undefined ? row.name : fit(row.name, width), '1'));
      const entries = [
        entry(OVERALL_HEADER, figure(row.overall, layout.figureWidth)),
        entry(ANSWERED_HEADER, pad(row.answered, layout.figureWidth, true)),
        ...row.cells.map((c, i) => entry(layout.labels[i]!, figure(c, layout.figureWidth))),
      ];
      for (let at = 0; at < entries.length; at += layout.perRow) {
        lines.push(' '.repeat(BLOCK_INDENT) + entries.slice(at, at + layout.perRow).join(' '.repeat(ENTRY_GAP)));
      }
      lines.push('');
    });
    lines.pop();
  }
  const shown = layout.mode === 'table' ? layout.headers : layout.labels;
  // Each "label = title" of the legend stays on one line: its spaces do not break (until printed).
  const shortened = report.dimensions.flatMap((d, i) =>
    shown[i] === plainLine(d.title) ? [] : [`${shown[i]} = ${plainLine(d.title)}`.replaceAll(' ', NO_BREAK)],
  );
  const prose: string[][] = [];
  if (shortened.length > 0) prose.push([`Short labels: ${shortened.join('; ')}.`]);
  prose.push([
    `${layout.mode === 'table' ? 'Cells' : 'Figures'}: exposure / visibility, 0-100; — no figure. Exposure 0 is well controlled, 100 fully exposed;`,
    'visibility 100 means every answer was verified, 0 that nobody knows.',
  ]);
  const gaps = report.visibilityGaps.reduce((n, g) => n + g.entries.length, 0);
  if (gaps > 0 || report.onSomeonesWord > 0) {
    prose.push([`Visibility gaps: ${gaps} (unknown or disputed); ${report.onSomeonesWord} on someone's word.`]);
  }
  if (report.findOut.length > 0) {
    prose.push([`Find out first: ${report.findOut.length} question${report.findOut.length === 1 ? '' : 's'} nobody could answer; first: ${plainLine(report.findOut[0]!.title)}.`]);
  }
  const first = report.plan[0];
  if (first) {
    prose.push([
      `Fix: ${report.plan.length} action${report.plan.length === 1 ? '' : 's'}, ${report.plan.filter((p) => p.horizon === 'now').length} now; first: ${plainLine(first.title)} (priority ${Number(first.effectivePriority.toFixed(1))}).`,
    ]);
  }
  for (const paragraph of prose) {
    // Piped, a paragraph keeps its two lines as before; in a terminal it is wrapped to the width as one.
    const wrapped = width === undefined ? paragraph : wrapText(paragraph.join(' '), width);
    lines.push('', ...wrapped.map((line) => line.replaceAll(NO_BREAK, ' ')));
  }
  return lines.join('\n') + '\n';
}
