/**
 * The plan as a POSIX sh script of `gh issue create` commands, one per plan item not yet
 * linked to a ticket. cxray reads and stores no token: the script runs `gh`, which uses
 * the user's own login (`gh auth login`), in the repository of the current folder or
 * the one named by GH_REPO. Running it twice creates nothing twice: before creating an
 * issue it asks `gh issue list --search` for issues (open or closed) whose body holds the
 * item's id line (`cxray id: CX-…`), and checks the bodies it gets for that exact line.
 * Every title and body is one single-quoted shell word (shell-text.ts). Pure.
 */
import { trackerContext } from './tracker-markdown.js';
import type { Bank } from '../core/bank-schema.js';
import type { Report } from '../core/report-schema.js';
import { plainLine } from '../core/terminal-text.js';
import { shComment, shQuote } from './shell-text.js';
import { trackerItems } from './tracker-items.js';
import { trackerMarkdown } from './tracker-markdown.js';

const LABELS: [name: string, colour: string, description: string][] = [
  ['cxray', '5319e7', 'From a cxray assessment'],
  ['cxray-find-out', 'fbca04', 'cxray: find out first'],
  ['cxray-now', 'd93f0b', 'cxray: do now'],
  ['cxray-next', 'e99695', 'cxray: do next'],
  ['cxray-later', 'c5def5', 'cxray: do later'],
];

const PRELUDE = [
  'set -eu',
  '',
  'if ! command -v gh >/dev/null 2>&1; then',
  `  echo "This script needs the GitHub CLI (gh) on PATH: install it, run 'gh auth login', and run the script again." >&2`,
  '  exit 1',
  'fi',
  '',
  '# cxray_label NAME COLOUR DESCRIPTION: make the label, or update it where it exists.',
  'cxray_label() {',
  '  gh label create "$1" --color "$2" --description "$3" --force >/dev/null',
  '}',
  '',
  '# cxray_issue ID TITLE BODY [--label NAME ...]: create the issue unless one already holds the id line.',
  'cxray_issue() {',
  '  cxray_id=$1',
  '  cxray_title=$2',
  '  cxray_body=$3',
  '  shift 3',
  `  cxray_found=$(gh issue list --state all --limit 1000 --search "\\"cxray id: $cxray_id\\" in:body" --json body --jq '.[].body')`,
  `  if printf '%s\\n' "$cxray_found" | tr -d '\\r' | grep -qxF -- "cxray id: $cxray_id"; then`,
  '    echo "already filed: $cxray_id"',
  '    cxray_skipped=$((cxray_skipped + 1))',
  '    return 0',
  '  fi',
  '  cxray_url=$(gh issue create --title "$cxray_title" --body "$cxray_body" "$@")',
  '  echo "created: $cxray_id $cxray_url"',
  '  cxray_created=$((cxray_created + 1))',
  '}',
  '',
  'cxray_created=0',
  'cxray_skipped=0',
  '',
].join('\n');

/** The script, ready to run with `sh`. */
export function renderGithubScript(report: Report, bank?: Bank): string {
  const items = trackerItems(report, bank);
  const context = trackerContext(report);
  const lines = [
    '#!/bin/sh',
    `# The cxray plan of "${shComment(plainLine(report.assessment.name))}" as GitHub issues (exported ${context.date}).`,
    '# Run it with sh in a clone of the repository (or with GH_REPO=owner/name set), logged in with `gh auth login`.',
    '# cxray reads no token: gh uses your own login. Each issue body ends with its cxray id line; an item',
    '# whose id is already in an issue, open or closed, is skipped, so running the script again creates nothing twice.',
    '',
    PRELUDE,
    ...LABELS.map(([name, colour, description]) => `cxray_label ${shQuote(name)} ${shQuote(colour)} ${shQuote(description)}`),
    '',
  ];
  for (const item of items) {
    if (item.ticket !== null) {
      lines.push(`# ${item.id} is already linked to ${shComment(plainLine(item.ticket))}: not filed again.`, '');
      continue;
    }
    const labels = item.labels.filter((l) => l !== item.id).map((l) => `--label ${shQuote(l)}`);
    lines.push(`cxray_issue ${shQuote(item.id)} ${shQuote(item.title)} ${shQuote(trackerMarkdown(item, context))} ${labels.join(' ')}`, '');
  }
  lines.push('echo "cxray: $cxray_created created, $cxray_skipped already filed."', '');
  return lines.join('\n');
}

/** How many items the script would file (those not linked to a ticket yet). */
export function githubItemCount(report: Report): number {
  return [...report.findOut, ...report.plan].filter((p) => p.tracking.ticket === null).length;
}
