#!/usr/bin/env node
// A stand-in for the GitHub CLI: keeps issues and labels in the JSON file named by
// FAKE_GH_STATE and records every call's arguments, so a test can run a generated
// script and read exactly what gh was given.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const path = process.env.FAKE_GH_STATE;
const state = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { calls: [], issues: [], labels: [] };
const args = process.argv.slice(2);
state.calls.push(args);
const value = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const values = (flag) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
const save = () => writeFileSync(path, JSON.stringify(state));

if (args[0] === 'label' && args[1] === 'create') {
  if (!state.labels.includes(args[2])) state.labels.push(args[2]);
  save();
} else if (args[0] === 'issue' && args[1] === 'list') {
  // The phrase between double quotes in --search, as GitHub's search matches it (loosely: any body containing it).
  const phrase = /"([^"]*)"/.exec(value('--search') ?? '')?.[1] ?? '';
  if (value('--jq') !== '.[].body' || value('--json') !== 'body') throw new Error('fake gh: unexpected list arguments');
  for (const issue of state.issues) if (issue.body.includes(phrase)) process.stdout.write(`${issue.body}\n`);
  save();
} else if (args[0] === 'issue' && args[1] === 'create') {
  const labels = values('--label');
  for (const l of labels) if (!state.labels.includes(l)) {
    process.stderr.write(`could not add label: '${l}' not found\n`);
    process.exit(1);
  }
  const number = state.issues.length + 1;
  state.issues.push({ number, title: value('--title'), body: value('--body'), labels });
  save();
  process.stdout.write(`https://github.com/acme/cx/issues/${number}\n`);
} else {
  process.stderr.write(`fake gh: unknown command ${args.join(' ')}\n`);
  process.exit(2);
}
