/**
 * On a question about integrations or third parties, the walk lists what the room is
 * asked about: the journey's systems (with their vendors) and the integrations that
 * touch them; in the organisation-wide section, every system and integration of the
 * assessment. Pure: names filtered with plainLine; the view cuts each line to its width.
 */
import type { Bank, Question } from '../core/bank-schema.js';
import { DEFAULT_SCOPE_NAMES, type ScopeNames } from '../core/bank-words.js';
import { plainLine } from '../core/terminal-text.js';
import type { Assessment } from '../core/workbook-schema.js';

/** Dimensions whose questions are about integrations, vendors or third parties (by id or title). */
const ABOUT_SYSTEMS = /integration|third[- ]?part|vendor|supplier|processor/i;

/** The question asks about integrations or third parties: its dimension's id or title says so. */
export function asksAboutSystems(bank: Pick<Bank, 'dimensions'>, question: Pick<Question, 'dimension'>): boolean {
  const dimension = bank.dimensions.find((d) => d.id === question.dimension);
  return ABOUT_SYSTEMS.test(question.dimension) || (dimension !== undefined && ABOUT_SYSTEMS.test(dimension.title));
}

/**
 * Up to two lines: "Systems: Zendesk (Zendesk), Salesforce" and "Integrations: Salesforce
 * → Zendesk (write), …"; a journey without systems says so in one line (in the bank's
 * word for a journey, `scope`).
 */
export function systemsLines(assessment: Pick<Assessment, 'systems' | 'integrations' | 'journeys'>, journeyId: string | null, scope: ScopeNames = DEFAULT_SCOPE_NAMES): string[] {
  const journey = journeyId === null ? undefined : assessment.journeys.find((j) => j.id === journeyId);
  const systems = journey ? assessment.systems.filter((s) => journey.systemIds.includes(s.id)) : assessment.systems;
  const ids = new Set(systems.map((s) => s.id));
  const nameOf = (id: string) => plainLine(assessment.systems.find((s) => s.id === id)?.name ?? id);
  const where = journey ? `in this ${scope.singular}` : 'in this assessment';
  if (systems.length === 0) return [`No systems ${where} yet: add them on the assessment screen (s), so the room can go through them.`];
  const systemWords = systems.map((s) => {
    const vendor = plainLine(s.vendor).trim();
    return vendor && vendor !== plainLine(s.name) ? `${plainLine(s.name)} (${vendor})` : plainLine(s.name);
  });
  const integrations = assessment.integrations.filter((i) => ids.has(i.from) || ids.has(i.to));
  return [
    `Systems ${where}: ${systemWords.join(', ')}`,
    integrations.length === 0 ? 'Integrations: none recorded' : `Integrations: ${integrations.map((i) => `${nameOf(i.from)} → ${nameOf(i.to)} (${i.access})`).join(', ')}`,
  ];
}
