/**
 * How scores are drawn: the whole number and a shade that says the same thing, so the
 * meaning never depends on colour (NO_COLOR, a washed-out projector, colour blindness).
 * The bands, shades and words are in score-bands.ts.
 */
import { Box, Text } from 'ink';
import { BAND_COLOURS, BAND_WORDS, SHADES, band, figureText, type Measure } from './score-bands.js';
import { useTone } from './shell.js';

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
