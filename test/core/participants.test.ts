import { describe, expect, it } from 'vitest';
import { parseParticipants, participantsLine, participantsProblem, personText, rememberedSpeaker, speakers, withSpeaker } from '../../src/core/participants.js';

describe('participants typed on one line', () => {
  it('reads a role from the brackets after a name, and none where there are none', () => {
    expect(parseParticipants(' Ana (support), Ben ( security ) ;Chloé,, \nDev (CRM admin, EMEA)')).toEqual([
      { name: 'Ana', role: 'support' },
      { name: 'Ben', role: 'security' },
      { name: 'Chloé', role: '' },
      { name: 'Dev', role: 'CRM admin, EMEA' },
    ]);
  });

  it('keeps text that is only brackets as a name', () => {
    expect(parseParticipants('(support)')).toEqual([{ name: '(support)', role: '' }]);
  });

  it('writes them back the way they are read', () => {
    const people = [
      { name: 'Ana', role: 'support' },
      { name: 'Chloé', role: '' },
    ];
    expect(participantsLine(people)).toBe('Ana (support), Chloé');
    expect(parseParticipants(participantsLine(people))).toEqual(people);
  });

  it('refuses two people of the same name, whatever the case', () => {
    expect(participantsProblem(parseParticipants('Ana (support), ana (security)'))).toMatch(/Two participants are called "ana"/);
    expect(participantsProblem(parseParticipants('Ana, Ben'))).toBeUndefined();
  });
});

describe('speakers', () => {
  it('lists the facilitator first, then each participant, the facilitator once', () => {
    const people = [
      { name: 'Ben', role: 'security' },
      { name: 'Sam', role: 'risk' },
      { name: 'Ana', role: '' },
    ];
    expect(speakers('Sam', people)).toEqual([
      { name: 'Sam', role: 'risk', facilitator: true },
      { name: 'Ben', role: 'security', facilitator: false },
      { name: 'Ana', role: '', facilitator: false },
    ]);
    expect(speakers('', people).map((s) => s.name)).toEqual(['Ben', 'Sam', 'Ana']);
  });

  it('names a person with their role when they are a participant', () => {
    expect(personText('Ben', [{ name: 'Ben', role: 'security' }])).toBe('Ben (security)');
    expect(personText('Zoe', [{ name: 'Ben', role: 'security' }])).toBe('Zoe');
  });
});

describe('the one speaking, remembered in the workbook', () => {
  const people = [
    { name: 'Ben', role: 'security' },
    { name: 'Chloé', role: '' },
  ];
  const base = { speaker: undefined, participants: people } as const;

  it('is set by name and cleared for the facilitator; unchanged, the same object', () => {
    const a = { id: 'q4', participants: people } as unknown as Parameters<typeof withSpeaker>[0];
    const ben = withSpeaker(a, 'Ben');
    expect(ben.speaker).toBe('Ben');
    expect(withSpeaker(ben, 'Ben')).toBe(ben);
    const cleared = withSpeaker(ben, undefined);
    expect('speaker' in cleared).toBe(false);
    expect(withSpeaker(cleared, undefined)).toBe(cleared);
  });

  it('speaks on while still a participant; removed or renamed, the facilitator does', () => {
    expect(rememberedSpeaker({ ...base, speaker: 'Chloé' })).toBe('Chloé');
    expect(rememberedSpeaker(base)).toBeUndefined();
    expect(rememberedSpeaker({ ...base, speaker: 'Dev' })).toBeUndefined();
    expect(rememberedSpeaker({ participants: [{ name: 'Ben B.', role: '' }], speaker: 'Ben' })).toBeUndefined();
  });
});
