/**
 * Step 6: each reference's control id and title against the control catalogue
 * (src/core/controls/). An id the catalogue lacks is a problem; an ISO/IEC 27001:2013 id
 * says which 2022 control replaced it; a title other than the catalogue's is a warning.
 */
import { FRAMEWORKS } from '../../core/bank-schema.js';
import { FRAMEWORK_INFO, checkReference, findControl, type Framework } from '../../core/controls/catalogue.js';
import { describeOwner, isPlainObject, printable } from './describe.js';
import type { Locator } from './locate.js';
import type { ProblemList } from './problems.js';

const isFramework = (value: unknown): value is Framework => (FRAMEWORKS as readonly unknown[]).includes(value);

export function checkControls(data: Record<string, unknown>, locate: Locator, problems: ProblemList): void {
  const questions = Array.isArray(data.questions) ? data.questions : [];
  questions.forEach((question, q) => {
    if (!isPlainObject(question) || !Array.isArray(question.references)) return;
    const name = describeOwner(data, ['questions', q]);
    question.references.forEach((reference, r) => {
      if (!isPlainObject(reference) || !isFramework(reference.framework) || typeof reference.control !== 'string') return;
      const framework = reference.framework;
      const id = reference.control;
      const path = ['questions', q, 'references', r];
      const info = FRAMEWORK_INFO[framework];
      const title = typeof reference.title === 'string' ? reference.title : undefined;
      const check = checkReference({ framework, control: id, title: title ?? '' });
      const cited = `${name} cites ${framework} "${printable(id)}"`;
      if (check.kind === 'iso2013') {
        const becomes = check.was.becomes.map((to) => `${to} (${findControl('ISO27001', to)?.title ?? to})`).join(' and ');
        problems.at(
          locate.valueOffset([...path, 'control']),
          `${cited}: this is a 2013 id (${check.was.title}); 2022 maps it to ${becomes}, so cite ${check.was.becomes.join(' or ')}`,
        );
      } else if (check.kind === 'unknown') {
        problems.at(
          locate.valueOffset([...path, 'control']),
          `${cited}, which is not a control of ${info.label}` +
            (check.suggestion ? `; did you mean "${check.suggestion}"?` : `; cite an id of its catalogue, written like ${info.idForm}`),
        );
      } else if (check.kind === 'title-differs' && title !== undefined) {
        problems.warn(
          locate.valueOffset([...path, 'title']),
          `${name} titles ${framework} ${id} "${printable(title, 60)}"; the catalogue calls it "${printable(check.control.title, 120)}": use that title`,
        );
      }
    });
  });
}
