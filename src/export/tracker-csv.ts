/**
 * The plan as CSV for two trackers' own importers:
 *
 * - **Jira** (Create issues using the CSV importer): a header row with Summary, then
 *   Issue Type, Description (Jira wiki markup), Priority (Jira's default names), one
 *   Labels column per label (the importer reads repeated Labels columns as several
 *   labels), Due Date (YYYY-MM-DD: choose that date format in the importer), and Issue
 *   Key where the item is already linked to a Jira issue, so that the import updates that
 *   issue instead of making another.
 * - **GitLab** (Import issues from CSV): title and description first, in that order, then
 *   due_date (YYYY-MM-DD); other data in GitLab quick actions at the end of the
 *   description (/label). Items already linked to a ticket are left out: the importer can
 *   only create issues.
 *
 * The cxray id is a label in both, so an import can be matched with the plan again.
 * Cells go through the CSV writer (csv.ts: quoting, formula neutralisation). Pure.
 */
import type { Bank } from '../core/bank-schema.js';
import type { Report } from '../core/report-schema.js';
import { plainText } from '../core/terminal-text.js';
import { formatCsv } from './csv.js';
import { jiraInline, jiraTable } from './jira-text.js';
import { trackerContext, type TrackerContext } from './tracker-markdown.js';
import { formatNumber } from './plan-words.js';
import { figuresLine, idLine, percent, trackerItems, type TrackerItem } from './tracker-items.js';
import { trackerMarkdown } from './tracker-markdown.js';

function csv(rows: string[][]): string {
  return formatCsv(rows.map((row) => row.map(plainText)));
}

/** The Jira issue key in a ticket reference: PROJ-12, or the key at the end of a /browse/ URL. */
export function jiraKey(ticket: string | null): string | null {
  if (!ticket) return null;
  const match = /^(?:https?:\/\/\S+\/browse\/)?([A-Z][A-Z0-9_]*-\d+)\/?$/.exec(ticket.trim());
  return match ? match[1]! : null;
}

/** An item's description in Jira wiki markup. */
export function jiraDescription(item: TrackerItem, context: TrackerContext): string {
  const lines = [`*${jiraInline(figuresLine(item))}*`, '', 'h3. Why this is in the plan', ''];
  if (item.answers.length === 0) lines.push('No answer is recorded behind it.');
  else {
    lines.push(
      ...jiraTable(
        [context.where ?? 'Journey', 'Question', 'Answer', 'Risk', 'Share'],
        item.answers.map((a) => [jiraInline(a.where), jiraInline(a.question), jiraInline(a.answer), formatNumber(a.risk), percent(a.portion)]),
      ),
    );
  }
  if (item.detail.trim()) lines.push('', 'h3. What to do', '', `* ${jiraInline(item.detail)}`);
  if (item.controls.length > 0) {
    lines.push('', 'h3. Controls it serves', '');
    for (const c of item.controls) lines.push(`* ${jiraInline(`${c.framework} ${c.control}: ${c.title}`)}`);
  }
  lines.push(
    '',
    '----',
    `_${jiraInline(`From the cxray assessment “${context.assessment}”, exported ${context.date}. Suggested team: ${item.team || 'not named'}.`)}_`,
    '',
    jiraInline(idLine(item.id)),
  );
  return lines.join('\n');
}

function contextOf(report: Report): TrackerContext {
  return trackerContext(report);
}

/** The plan for Jira's CSV importer: one row per plan item. */
export function renderJiraCsv(report: Report, bank?: Bank): string {
  const items = trackerItems(report, bank);
  const labelColumns = Math.max(1, ...items.map((i) => i.labels.length));
  const header = ['Summary', 'Issue Type', 'Description', 'Priority', ...Array<string>(labelColumns).fill('Labels'), 'Due Date', 'Issue Key'];
  const context = contextOf(report);
  const rows = items.map((item) => [
    item.title,
    'Task',
    jiraDescription(item, context),
    item.priority,
    ...Array.from({ length: labelColumns }, (_, i) => item.labels[i] ?? ''),
    item.due ?? '',
    jiraKey(item.ticket) ?? '',
  ]);
  return csv([header, ...rows]);
}

/** The GitLab quick action that labels an issue: every label of the item. */
function labelAction(item: TrackerItem): string {
  return `/label ${item.labels.map((l) => `~${l}`).join(' ')}`;
}

/** The items a GitLab import creates: those not linked to a ticket yet. */
export function gitlabItems(report: Report, bank?: Bank): TrackerItem[] {
  return trackerItems(report, bank).filter((i) => i.ticket === null);
}

/** The plan for GitLab's CSV importer: title, description, due_date; one row per item not yet linked. */
export function renderGitlabCsv(report: Report, bank?: Bank): string {
  const context = contextOf(report);
  const rows = gitlabItems(report, bank).map((item) => [item.title, `${trackerMarkdown(item, context)}\n\n${labelAction(item)}`, item.due ?? '']);
  return csv([['title', 'description', 'due_date'], ...rows]);
}
