/**
 * Setting up an assessment: details, journeys, systems and integrations, edited and
 * removed as pure functions from one assessment (or workbook) to the next. Removals
 * come with their impact, so the TUI can say what goes before anything goes.
 * Pure: no I/O.
 */
import { uniqueSlug } from './ids.js';
import type { Assessment, Integration, Journey, Participant, System, Workbook } from './workbook-schema.js';

export interface AssessmentDetails {
  name: string;
  organisation: string;
  facilitator: string;
  participants: Participant[];
}

/** The workbook with an assessment's name, organisation, facilitator and participants changed. */
export function updateAssessmentDetails(workbook: Workbook, assessmentId: string, details: AssessmentDetails): Workbook {
  return {
    ...workbook,
    assessments: workbook.assessments.map((a) =>
      a.id === assessmentId
        ? {
            ...a,
            name: details.name.trim(),
            organisation: details.organisation.trim(),
            facilitator: details.facilitator.trim(),
            participants: details.participants
              .map((p) => ({ name: p.name.trim(), role: p.role.trim() }))
              .filter((p) => p.name !== ''),
          }
        : a,
    ),
  };
}

/** "Ana, Ben ,  Chloé" -> ["Ana", "Ben", "Chloé"]: a list typed on one line. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** What removing an assessment takes with it. */
export function assessmentRemovalImpact(assessment: Assessment): { journeys: number; answers: number } {
  return { journeys: assessment.journeys.length, answers: assessment.answers.length };
}

export function removeAssessment(workbook: Workbook, assessmentId: string): Workbook {
  return { ...workbook, assessments: workbook.assessments.filter((a) => a.id !== assessmentId) };
}

/**
 * The workbook with `assessment` added under an id no other assessment uses (its name
 * too gets a suffix when taken), and the id given. Used to add the demo to a workbook.
 */
export function addAssessmentCopy(workbook: Workbook, assessment: Assessment): { workbook: Workbook; id: string } {
  const id = uniqueSlug(assessment.id, workbook.assessments.map((a) => a.id), 'assessment');
  const names = new Set(workbook.assessments.map((a) => a.name));
  let name = assessment.name;
  for (let n = 2; names.has(name); n++) name = `${assessment.name} (${n})`;
  return { workbook: { ...workbook, assessments: [...workbook.assessments, { ...assessment, id, name }] }, id };
}

export type JourneyChanges = Partial<Omit<Journey, 'id'>>;

/** The assessment with one journey's fields changed (its id, and so its answers, stay). */
export function updateJourney(assessment: Assessment, journeyId: string, changes: JourneyChanges): Assessment {
  return {
    ...assessment,
    journeys: assessment.journeys.map((j) =>
      j.id === journeyId ? { ...j, ...changes, ...(changes.name !== undefined ? { name: changes.name.trim() } : {}) } : j,
    ),
  };
}

/** What removing a journey takes with it: its answers. */
export function journeyRemovalImpact(assessment: Assessment, journeyId: string): { answers: number } {
  return { answers: assessment.answers.filter((a) => a.journeyId === journeyId).length };
}

/** The assessment without the journey and without its answers. */
export function removeJourney(assessment: Assessment, journeyId: string): Assessment {
  return {
    ...assessment,
    journeys: assessment.journeys.filter((j) => j.id !== journeyId),
    answers: assessment.answers.filter((a) => a.journeyId !== journeyId),
  };
}

export type NewSystem = Omit<System, 'id'>;

/** The assessment with a new system, and the system's id. */
export function addSystem(assessment: Assessment, input: NewSystem): { assessment: Assessment; id: string } {
  const id = uniqueSlug(input.name, assessment.systems.map((s) => s.id), 'system');
  const system: System = { id, name: input.name.trim(), kind: input.kind, owner: input.owner.trim(), vendor: input.vendor.trim() };
  return { assessment: { ...assessment, systems: [...assessment.systems, system] }, id };
}

export function updateSystem(assessment: Assessment, systemId: string, changes: Partial<NewSystem>): Assessment {
  return {
    ...assessment,
    systems: assessment.systems.map((s) => (s.id === systemId ? { ...s, ...changes, name: (changes.name ?? s.name).trim() } : s)),
  };
}

/** What removing a system takes with it: its place in journeys, and its integrations. */
export function systemRemovalImpact(assessment: Assessment, systemId: string): { journeys: Journey[]; integrations: Integration[] } {
  return {
    journeys: assessment.journeys.filter((j) => j.systemIds.includes(systemId)),
    integrations: assessment.integrations.filter((i) => i.from === systemId || i.to === systemId),
  };
}

/**
 * The assessment without the system: it leaves every journey that passed through it,
 * and the integrations from or to it go. Answers stay: a question that no longer
 * applies to a journey keeps its answer in the file, and it counts again if the
 * system comes back.
 */
export function removeSystem(assessment: Assessment, systemId: string): Assessment {
  return {
    ...assessment,
    systems: assessment.systems.filter((s) => s.id !== systemId),
    journeys: assessment.journeys.map((j) =>
      j.systemIds.includes(systemId) ? { ...j, systemIds: j.systemIds.filter((id) => id !== systemId) } : j,
    ),
    integrations: assessment.integrations.filter((i) => i.from !== systemId && i.to !== systemId),
  };
}

export type NewIntegration = Omit<Integration, 'id'>;

/** The assessment with a new integration ("crm-to-help-desk"), and its id. */
export function addIntegration(assessment: Assessment, input: NewIntegration): { assessment: Assessment; id: string } {
  const id = uniqueSlug(`${input.from}-to-${input.to}`, assessment.integrations.map((i) => i.id), 'integration');
  const integration: Integration = { id, ...input, fields: input.fields.map((f) => f.trim()).filter((f) => f !== '') };
  return { assessment: { ...assessment, integrations: [...assessment.integrations, integration] }, id };
}

export function updateIntegration(assessment: Assessment, integrationId: string, changes: Partial<NewIntegration>): Assessment {
  return {
    ...assessment,
    integrations: assessment.integrations.map((i) => (i.id === integrationId ? { ...i, ...changes } : i)),
  };
}

export function removeIntegration(assessment: Assessment, integrationId: string): Assessment {
  return { ...assessment, integrations: assessment.integrations.filter((i) => i.id !== integrationId) };
}
