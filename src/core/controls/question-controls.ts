/**
 * The controls a question relates to, as the walk's help shows them: each cited control
 * with the catalogue's title and the framework's version. Pure.
 */
import type { Question } from '../bank-schema.js';
import { FRAMEWORK_INFO, findControl } from './catalogue.js';

/** One cited control, named for people: "ISO/IEC 27001:2022 A.5.18 Access rights". */
export function controlLabel(framework: Question['references'][number]['framework'], id: string): string {
  const title = findControl(framework, id)?.title;
  return `${FRAMEWORK_INFO[framework].label} ${id}${title ? ` ${title}` : ''}`;
}

/**
 * The question's help (markdown) with the controls it relates to: their ids on one line
 * first (so a short terminal still shows them), the help, then each control with its
 * catalogue title. Undefined when the question has neither help nor references.
 */
export function helpWithControls(question: Pick<Question, 'help' | 'references'>): string | undefined {
  const help = question.help?.trim() ?? '';
  if (question.references.length === 0) return help === '' ? undefined : help;
  const escape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const ids = question.references.map((r) => escape(`${r.framework} ${r.control}`)).join(' · ');
  const list = question.references.map((r) => `- ${escape(controlLabel(r.framework, r.control))}`).join('\n');
  return `**Controls:** ${ids}\n\n${help === '' ? '' : `${help}\n\n`}**Controls it tests in practice**\n\n${list}`;
}
