import { describe, expect, it } from 'vitest';
import {
  addAssessmentCopy,
  addIntegration,
  addSystem,
  journeyRemovalImpact,
  removeIntegration,
  removeJourney,
  removeSystem,
  splitList,
  systemRemovalImpact,
  updateAssessmentDetails,
  updateJourney,
  updateSystem,
} from '../../src/core/setup-ops.js';
import { addAssessment, addJourney, recordAnswer } from '../../src/core/workbook-ops.js';
import { emptyWorkbook, type Assessment } from '../../src/core/workbook-schema.js';
import { FIXED_NOW, fixtureBank } from '../helpers/fixtures.js';

function assessment(): Assessment {
  const { workbook } = addAssessment(emptyWorkbook(), { name: 'Q4' }, fixtureBank(), FIXED_NOW);
  let a = workbook.assessments[0]!;
  a = addSystem(a, { name: 'Zendesk', kind: 'help-desk', owner: ' Support ', vendor: 'Zendesk' }).assessment;
  a = addSystem(a, { name: 'Salesforce', kind: 'crm', owner: '', vendor: '' }).assessment;
  a = addIntegration(a, { from: 'salesforce', to: 'zendesk', access: 'write', fields: [' name ', '', 'email'], logged: 'no' }).assessment;
  a = addJourney(a, { name: 'Phone', systemIds: ['zendesk', 'salesforce'] }).assessment;
  a = addJourney(a, { name: 'Chat', systemIds: ['zendesk'] }).assessment;
  const answer = (journeyId: string, questionId: string) => ({ journeyId, questionId, kind: 'unknown' as const, note: '', by: '', at: FIXED_NOW.toISOString() });
  const w = recordAnswer(recordAnswer(recordAnswer({ ...workbook, assessments: [a] }, 'q4', answer('phone', 'a')), 'q4', answer('chat', 'a')), 'q4', answer('chat', 'b'));
  return w.assessments[0]!;
}

describe('set-up operations', () => {
  it('adds systems and integrations with readable ids and trimmed text', () => {
    const a = assessment();
    expect(a.systems.map((s) => [s.id, s.owner])).toEqual([
      ['zendesk', 'Support'],
      ['salesforce', ''],
    ]);
    expect(a.integrations).toEqual([{ id: 'salesforce-to-zendesk', from: 'salesforce', to: 'zendesk', access: 'write', fields: ['name', 'email'], logged: 'no' }]);
    expect(addIntegration(a, { from: 'salesforce', to: 'zendesk', access: 'read', fields: [], logged: 'yes' }).id).toBe('salesforce-to-zendesk-2');
  });

  it('says what removing a journey takes, and takes exactly that', () => {
    const a = assessment();
    expect(journeyRemovalImpact(a, 'chat')).toEqual({ answers: 2 });
    const after = removeJourney(a, 'chat');
    expect(after.journeys.map((j) => j.id)).toEqual(['phone']);
    expect(after.answers.map((x) => x.journeyId)).toEqual(['phone']);
  });

  it('says what removing a system takes, and keeps the answers', () => {
    const a = assessment();
    const impact = systemRemovalImpact(a, 'zendesk');
    expect(impact.journeys.map((j) => j.id)).toEqual(['phone', 'chat']);
    expect(impact.integrations.map((i) => i.id)).toEqual(['salesforce-to-zendesk']);
    const after = removeSystem(a, 'zendesk');
    expect(after.systems.map((s) => s.id)).toEqual(['salesforce']);
    expect(after.journeys.map((j) => j.systemIds)).toEqual([['salesforce'], []]);
    expect(after.integrations).toEqual([]);
    expect(after.answers).toHaveLength(3);
  });

  it('edits journeys, systems and integrations in place, ids unchanged', () => {
    let a = assessment();
    a = updateJourney(a, 'chat', { name: ' Web chat ', channels: ['chat'] });
    a = updateSystem(a, 'salesforce', { owner: 'CRM admin' });
    expect(a.journeys[1]).toMatchObject({ id: 'chat', name: 'Web chat', channels: ['chat'] });
    expect(a.systems[1]).toMatchObject({ id: 'salesforce', name: 'Salesforce', owner: 'CRM admin' });
    expect(removeIntegration(a, 'salesforce-to-zendesk').integrations).toEqual([]);
  });

  it('edits assessment details and splits participant lists', () => {
    expect(splitList(' Ana, Ben ;Chloé,, ')).toEqual(['Ana', 'Ben', 'Chloé']);
    const { workbook } = addAssessment(emptyWorkbook(), { name: 'Q4' }, fixtureBank(), FIXED_NOW);
    const after = updateAssessmentDetails(workbook, 'q4', { name: ' Q4 review ', organisation: 'Acme', facilitator: 'Ana', participants: [{ name: ' Ben ', role: ' security ' }, { name: ' ', role: 'x' }] });
    expect(after.assessments[0]).toMatchObject({ id: 'q4', name: 'Q4 review', organisation: 'Acme', participants: [{ name: 'Ben', role: 'security' }] });
  });

  it('adds a copy of an assessment under a free id and name', () => {
    const { workbook } = addAssessment(emptyWorkbook(), { name: 'Demo' }, fixtureBank(), FIXED_NOW);
    const copy = addAssessmentCopy(workbook, workbook.assessments[0]!);
    expect(copy.id).toBe('demo-2');
    expect(copy.workbook.assessments.map((a) => a.name)).toEqual(['Demo', 'Demo (2)']);
  });
});
