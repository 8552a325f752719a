/**
 * How scores are drawn: the whole number and a shade that says the same thing, so the
 * meaning never depends on colour (NO_COLOR, a washed-out projector, colour blindness).
 * Darker always means worse: for exposure the figure itself, for visibility its gap.
 */
import { Box, Text } from 'ink';
import { useTone } from './shell.js';

export type Measure = 'exposure' | 'visibility';

const SHADES = ['░', '▒', '▓', '█'] as const;

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

const BAND_COLOURS = ['green', 'yellow', 'redBright', 'red'] as const;

/** "62▓", "—" when nothing can be scored yet: exactly `width` columns when given. */
export function figureText(measure: Measure, figure: number | null): string {
  const b = band(measure, figure);
  if (b === undefined || figure === null) return '  —';
  return `${String(Math.round(figure)).padStart(3)}${SHADES[b]}`;
}

/** A figure with its shade, coloured when colours are on. */
export function Figure({ measure, figure, bold }: { measure: Measure; figure: number | null; bold?: boolean }) {
  const tone = useTone();
  const b = band(measure, figure);
  return (
    <Text color={b === undefined ? undefined : tone(BAND_COLOURS[b])} bold={bold || b === 3} dimColor={b === undefined}>
      {figureText(measure, figure)}
    </Text>
  );
}

/** "exposure 62 (high)" for sentences. */
export function describeFigure(measure: Measure, figure: number | null): string {
  const b = band(measure, figure);
  if (b === undefined || figure === null) return `${measure} — (nothing answered yet)`;
  return `${measure} ${Math.round(figure)} (${BAND_WORDS[measure][b]})`;
}

/** The legend under a heat table: what each shade means. */
export function Legend({ measure }: { measure: Measure }) {
  const words = BAND_WORDS[measure];
  return (
    <Box>
      <Text dimColor wrap="truncate-end">
        {measure === 'exposure' ? '0-100, higher is worse: ' : '0-100, lower is worse: '}
        {SHADES.map((s, i) => `${s} ${words[i]}`).join('  ')}  — none yet
      </Text>
    </Box>
  );
}
