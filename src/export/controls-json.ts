/** The controls view as JSON (`cxray controls --format json`), apart from the text and markdown forms, which need no schema. */
import { CONTROLS_JSON_VERSION, ControlsDocumentSchema, type ControlsDocument } from '../core/controls/view-schema.js';
import type { ControlsView } from '../core/controls/view.js';
import { toJson } from '../core/json-text.js';
import type { ControlsAbout } from './controls.js';

/**
 * The view as JSON, with what it is about (`cxray schema controls` prints its shape).
 * Checked against its schema before it is returned, as the report and the diff are.
 */
export function renderControlsJson(view: ControlsView, about: ControlsAbout): string {
  // The level names only shape the words of the text and markdown; the JSON gives the levels as numbers.
  const { levels: _words, ...facts } = about;
  const document: ControlsDocument = {
    controlsVersion: CONTROLS_JSON_VERSION,
    ...facts,
    frameworks: view.frameworks,
    counts: view.counts,
    claims: view.claims,
    claimedButExposed: view.claimedButExposed.map((c) => `${c.framework} ${c.controlId}`),
    controls: view.controls,
  };
  const result = ControlsDocumentSchema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`the controls view does not match its schema at ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return toJson(document) + '\n';
}
