import { describe, expect, it } from 'vitest';
import { fitTrail } from '../../src/ui/header-trail.js';

const DEMO = ['cxray', 'Northwind Home Energy — customer data review', 'Organisation-wide'];

describe("the header's trail", () => {
  it('is whole when it fits', () => {
    expect(fitTrail(DEMO, 80)).toBe('cxray › Northwind Home Energy — customer data review › Organisation-wide');
  });

  it('shortens the places between the first and the last first, so the place you are in stays whole', () => {
    // 72 columns in 59 (80, less the clock's 20 and a space): the assessment's name loses 13.
    const fitted = fitTrail(DEMO, 59);
    expect(fitted).toBe('cxray › Northwind Home Energy — custom… › Organisation-wide');
    expect(fitted.length).toBeLessThanOrEqual(59);
  });

  it('keeps a middle place to 12 columns, then cuts the last', () => {
    const fitted = fitTrail(['cxray', 'Northwind Home Energy — customer data review', 'Plan', 'Run a timed detection drill on one CX tool'], 60);
    // 30 columns before the last: "Run a timed detection drill o" and "…".
    expect(fitted).toBe('cxray › Northwind H… › Plan › Run a timed detection drill o…');
    expect(fitted.length).toBe(60);
  });

  it('cuts each middle place only as much as the trail is too long', () => {
    // 50 columns in 46: "Quarterly review" keeps 12; "Results" is left alone.
    expect(fitTrail(['cxray', 'Quarterly review', 'Results', 'Phone support'], 46)).toBe('cxray › Quarterly r… › Results › Phone support');
    expect(fitTrail(['cxray', 'Quarterly review', 'Results', 'Phone support'], 48)).toBe('cxray › Quarterly rev… › Results › Phone support');
  });
});
