/**
 * How a score reads without colour: its band (0 good ... 3 bad), the shade and the word
 * of each band. Darker always means worse: for exposure the figure itself, for
 * visibility its gap. Pure: the components that draw figures are in figures.tsx.
 */

export type Measure = 'exposure' | 'visibility';

/** The shade of each band, lightest (good) first. */
export const SHADES = ['░', '▒', '▓', '█'] as const;

/** 0 (good) ... 3 (bad) for a figure, or undefined when there is none. */
export function band(measure: Measure, figure: number | null): 0 | 1 | 2 | 3 | undefined {
  if (figure === null) return undefined;
  const badness = measure === 'exposure' ? figure : 100 - figure;
  const x = Math.round(badness);
  return x < 25 ? 0 : x < 50 ? 1 : x < 75 ? 2 : 3;
}

export const BAND_WORDS: Record<Measure, readonly string[]> = {
  exposure: ['low', 'moderate', 'high', 'severe'],
  visibility: ['clear', 'partial', 'poor', 'blind'],
};

/** The colour of each band when colours are on. */
export const BAND_COLOURS = ['green', 'yellow', 'redBright', 'red'] as const;

/** "62▓", "—" when nothing can be scored yet: exactly `width` columns when given. */
export function figureText(measure: Measure, figure: number | null): string {
  const b = band(measure, figure);
  if (b === undefined || figure === null) return '  —';
  return `${String(Math.round(figure)).padStart(3)}${SHADES[b]}`;
}

/** "exposure 62 (high)" for sentences. */
export function describeFigure(measure: Measure, figure: number | null): string {
  const b = band(measure, figure);
  if (b === undefined || figure === null) return `${measure} — (nothing answered yet)`;
  return `${measure} ${Math.round(figure)} (${BAND_WORDS[measure][b]})`;
}
