/** The systems and integrations the walk lists on a question about integrations or third parties. */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/workbook-schema.js';
import { asksAboutSystems, systemsLines } from '../../src/ui/walk-systems.js';

const BANK = {
  dimensions: [
    { id: 'integrations', title: 'Integrations', description: '' },
    { id: 'third-parties', title: 'Third parties', description: '' },
    { id: 'suppliers', title: 'Who we buy from', description: '' },
    { id: 'outsiders', title: 'Vendors and processors', description: '' },
    { id: 'access', title: 'Access', description: '' },
  ],
};

const ASSESSMENT: Pick<Assessment, 'systems' | 'integrations' | 'journeys'> = {
  systems: [
    { id: 'desk', name: 'Deskwell', kind: 'help-desk', owner: '', vendor: 'Deskwell Ltd' },
    { id: 'crm', name: 'Brightline CRM', kind: 'crm', owner: '', vendor: 'Brightline CRM' },
    { id: 'mail', name: 'Mail\u001b[31mcraft', kind: 'marketing', owner: '', vendor: '' },
  ] as Assessment['systems'],
  integrations: [
    { id: 'i1', from: 'crm', to: 'desk', access: 'write', fields: [], logged: 'no' },
    { id: 'i2', from: 'mail', to: 'crm', access: 'read', fields: [], logged: 'yes' },
  ],
  journeys: [
    { id: 'chat', name: 'Chat', description: '', channels: [], dataCategories: [], sensitivity: 'moderate', systemIds: ['desk'] },
    { id: 'bare', name: 'Bare', description: '', channels: [], dataCategories: [], sensitivity: 'moderate', systemIds: [] },
  ],
};

describe('a question about integrations or third parties', () => {
  it.each([
    ['integrations', true],
    ['third-parties', true],
    ['suppliers', true],
    ['outsiders', true],
    ['access', false],
  ])('dimension %s: %s', (dimension, expected) => {
    expect(asksAboutSystems(BANK, { dimension })).toBe(expected);
  });

  it("lists a journey's systems with their vendors and the integrations touching them", () => {
    expect(systemsLines(ASSESSMENT, 'chat')).toEqual(['Systems in this journey: Deskwell (Deskwell Ltd)', 'Integrations: Brightline CRM → Deskwell (write)']);
  });

  it('in the organisation-wide section, every system and integration, names filtered', () => {
    expect(systemsLines(ASSESSMENT, null)).toEqual([
      'Systems in this assessment: Deskwell (Deskwell Ltd), Brightline CRM, Mailcraft',
      'Integrations: Brightline CRM → Deskwell (write), Mailcraft → Brightline CRM (read)',
    ]);
  });

  it('a journey without systems says where to add them, in one line', () => {
    expect(systemsLines(ASSESSMENT, 'bare')).toEqual(['No systems in this journey yet: add them on the assessment screen (s), so the room can go through them.']);
  });

  it("speaks of what the bank assesses when it names it (a bank's scope: application)", () => {
    const applications = { singular: 'application', plural: 'applications' };
    expect(systemsLines(ASSESSMENT, 'chat', applications)[0]).toBe('Systems in this application: Deskwell (Deskwell Ltd)');
    expect(systemsLines(ASSESSMENT, 'bare', applications)).toEqual(['No systems in this application yet: add them on the assessment screen (s), so the room can go through them.']);
  });
});
