/**
 * A plan item as a ticket body in markdown, for GitHub issues and GitLab descriptions:
 * the figures, why it is there (the answers behind it, as a table), what to do, the
 * controls it serves, and the line with its cxray id. User and bank text goes through the
 * markdown escapers (markdown-text.ts); no line starts with user text, so nothing can
 * become a heading, or a GitLab quick action (a line starting with "/"). Pure.
 */
import { mdBlock, mdCell, mdInline, mdTable } from './markdown-text.js';
import { figuresLine, idLine, percent, type TrackerItem } from './tracker-items.js';
import { formatNumber } from './markdown.js';
import type { Report } from '../core/report-schema.js';
import { scopeWords } from './scope-words.js';

/** What a ticket says of where it comes from: the assessment, the day, and the bank's word for what it assesses ("Journey"). */
export interface TrackerContext {
  assessment: string;
  date: string;
  /** The heading of the column that names where an answer was given ("Journey", "Application"; default Journey). */
  where?: string;
}

export function trackerContext(report: Pick<Report, 'assessment' | 'generatedAt' | 'bank'>): TrackerContext {
  return { assessment: report.assessment.name, date: report.generatedAt.slice(0, 10), where: scopeWords(report).One };
}

/** The body, lines joined with \n. `context` names the assessment (already plain words of ours plus its name). */
export function trackerMarkdown(item: TrackerItem, context: TrackerContext): string {
  const lines = [`**${figuresLine(item)}**`, ''];
  lines.push('### Why this is in the plan', '');
  if (item.answers.length === 0) lines.push('No answer is recorded behind it.', '');
  else {
    lines.push(
      ...mdTable(
        [context.where ?? 'Journey', 'Question', 'Answer', 'Risk', 'Share'],
        ['l', 'l', 'l', 'r', 'r'],
        item.answers.map((a) => [mdCell(a.where), mdCell(a.question), mdCell(a.answer), formatNumber(a.risk), percent(a.portion)]),
      ),
      '',
    );
  }
  if (item.detail.trim()) lines.push('### What to do', '', `- ${mdBlock(item.detail, '  ')}`, '');
  if (item.controls.length > 0) {
    lines.push('### Controls it serves', '');
    for (const c of item.controls) lines.push(`- ${mdInline(c.framework)} ${mdInline(c.control)}: ${mdInline(c.title)}`);
    lines.push('');
  }
  lines.push('---', '', `_From the cxray assessment “${mdInline(context.assessment)}”, exported ${context.date}. Suggested team: ${mdInline(item.team || 'not named')}._`, '', idLine(item.id));
  return lines.join('\n');
}
