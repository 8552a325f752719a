/** `cxray --help`, rendered from the command table. */
import type { CommandSpec } from './contract.js';
import { COMMANDS, OPEN_COMMAND } from './registry.js';

function usage(spec: CommandSpec): string {
  const parts = ['cxray'];
  if (spec.name) parts.push(spec.name);
  if (spec.args) parts.push(spec.args);
  for (const o of spec.options) parts.push(`[--${o.name}${o.value ? ` ${o.value}` : ''}]`);
  return parts.join(' ');
}

function optionLines(spec: CommandSpec): string[] {
  return spec.options.map((o) => {
    const flag = `--${o.name}${o.value ? ` ${o.value}` : ''}`;
    // A flag longer than its column gets the description on the next line, never glued to it.
    return flag.length < 24 ? `      ${flag.padEnd(24)}${o.description}` : `      ${flag}\n      ${' '.repeat(24)}${o.description}`;
  });
}

function section(spec: CommandSpec): string[] {
  return [`  ${usage(spec)}`, `      ${spec.summary}`, ...optionLines(spec), `      e.g. ${spec.example}`, ''];
}

/** The whole help text, or one command's when given. */
export function renderHelp(version: string, only?: CommandSpec): string {
  if (only) return [...section(only)].join('\n');
  return [
    `cxray ${version}: where customer data is really exposed across your customer-experience stack,`,
    'journey by journey, and what to fix first.',
    '',
    'Usage:',
    ...section(OPEN_COMMAND),
    ...COMMANDS.flatMap(section),
    'Everywhere:',
    '      --help                  show this help (or a command\'s: cxray score --help)',
    '      --version               print the version',
    '',
    'The workbook is ./cxray.json unless --db or CXRAY_DB names another file.',
    '--db, --assessment and --bank may also come before the command: cxray --db workshop.json score.',
    '',
  ].join('\n');
}
