import { describe, expect, it } from 'vitest';
import { capitalised, countOf, exposedLevelsWords, inScopeWords, levelDetail, levelWords, pluralOf, scopeNamesOf, withArticle } from '../../src/core/bank-words.js';
import { spreadWords } from '../../src/core/votes.js';

describe('scope names', () => {
  it('is journey and journeys when the bank names no scope', () => {
    expect(scopeNamesOf({})).toEqual({ singular: 'journey', plural: 'journeys' });
  });

  it('takes the plural by the usual English rule from a bare name', () => {
    expect(scopeNamesOf({ scope: 'team' })).toEqual({ singular: 'team', plural: 'teams' });
    expect(pluralOf('policy')).toBe('policies');
    expect(pluralOf('journey')).toBe('journeys'); // a vowel before the y
    expect(pluralOf('branch')).toBe('branches');
    expect(pluralOf('business process')).toBe('business processes');
    expect(pluralOf('front desk')).toBe('front desks');
  });

  it('keeps a plural the bank gives, and takes the rule when it gives only the singular', () => {
    expect(scopeNamesOf({ scope: { singular: 'person', plural: 'people' } })).toEqual({ singular: 'person', plural: 'people' });
    expect(scopeNamesOf({ scope: { singular: 'application' } })).toEqual({ singular: 'application', plural: 'applications' });
  });

  it('counts and capitalises', () => {
    const names = scopeNamesOf({ scope: 'team' });
    expect(countOf(1, names)).toBe('1 team');
    expect(countOf(0, names)).toBe('0 teams');
    expect(countOf(3, names)).toBe('3 teams');
    expect(capitalised('team')).toBe('Team');
    expect(capitalised('équipe')).toBe('Équipe');
  });
});

describe('level words', () => {
  const maturity = ['Optimised', 'Managed', 'Defined', 'Initial', 'Not practised'];
  it('says "level N" when the bank names no levels', () => {
    expect(levelWords(3, null)).toBe('level 3');
    expect(levelWords(0, undefined)).toBe('level 0');
    expect(exposedLevelsWords(null)).toBe('level 3 or 4');
  });

  it("gives the bank's name and the place on the exposure scale", () => {
    expect(levelWords(3, maturity)).toBe('Initial (exposure 3 of 4)');
    expect(levelWords(0, maturity)).toBe('Optimised (exposure 0 of 4)');
    expect(exposedLevelsWords(maturity)).toBe('“Initial” or “Not practised” (exposure 3 or 4)');
  });

  it('says a level among other facts with a comma, not parentheses in parentheses', () => {
    expect(levelDetail(3, null)).toBe('level 3');
    expect(levelDetail(3, maturity)).toBe('Initial, exposure 3 of 4');
  });

  it("says a vote's spread by the names, with the exposure levels they stand for", () => {
    expect(spreadWords({ low: 1, high: 4, levels: 3, disputed: true })).toBe('levels 1 to 4 (3 apart)');
    expect(spreadWords({ low: 1, high: 4, levels: 3, disputed: true }, maturity)).toBe(`“${maturity[1]}” to “Not practised” (exposure 1 to 4, 3 apart)`);
    expect(spreadWords({ low: 2, high: 2, levels: 0, disputed: false }, maturity)).toBe(`all at “${maturity[2]}” (exposure 2 of 4)`);
    expect(spreadWords({ low: null, high: null, levels: 0, disputed: false }, maturity)).toBe('');
  });
});

describe('the key table in the bank’s words', () => {
  const applications = { singular: 'application', plural: 'applications' };
  const desks = { singular: 'desk', plural: 'desks' };

  it('names the bank’s scope where the table says journey, with the article it takes', () => {
    expect(inScopeWords('a add journey', applications)).toBe('a add application');
    expect(inScopeWords('add a journey', applications)).toBe('add an application');
    expect(inScopeWords("in a journey's walk: show or hide", applications)).toBe("in an application's walk: show or hide");
    expect(inScopeWords("drop this journey's override", desks)).toBe("drop this desk's override");
    expect(inScopeWords('show only those of one journey (j)', desks)).toBe('show only those of one desk (j)');
    expect(inScopeWords('Journeys: the list · back to the journeys', applications)).toBe('Applications: the list · back to the applications');
    expect(inScopeWords('A journey', desks)).toBe('A desk');
    expect(inScopeWords('a few journeys', applications)).toBe('a few applications');
  });

  it('gives a word its article by its first letter', () => {
    expect(withArticle('application')).toBe('an application');
    expect(withArticle('desk')).toBe('a desk');
    expect(withArticle('journey')).toBe('a journey');
  });

  it('leaves the text as it is for the default words, and other words alone', () => {
    const text = "add a journey · journeyman · the journey's walk";
    expect(inScopeWords(text, { singular: 'journey', plural: 'journeys' })).toBe(text);
    expect(inScopeWords('journeyman', desks)).toBe('journeyman');
  });
});
