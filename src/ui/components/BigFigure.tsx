import { Box, Text } from 'ink';
import { bigText, bigWidth, type BigScale } from '../big-digits.js';
import type { SummaryFigure } from '../section-summary.js';
import { useTone } from '../shell.js';

/** Columns the shade block takes at each scale (two square pixels wide). */
const SHADE_WIDTH: Record<BigScale, number> = { half: 2, full: 4 };

/** Columns a figure takes drawn at `scale`. */
export function bigFigureWidth(figure: SummaryFigure, scale: BigScale): number {
  const labels = Math.max(0, ...figure.labels.map((l) => l.length));
  return bigWidth(figure.text, scale) + 1 + (figure.shade ? SHADE_WIDTH[scale] + 2 : 1) + labels;
}

/** A figure in block digits with a block of its shade beside it, so that it reads without colour across a room. */
export function BigFigure({ figure, scale }: { figure: SummaryFigure; scale: BigScale }) {
  const tone = useTone();
  const colour = figure.colour ? tone(figure.colour) : undefined;
  const lines = bigText(figure.text, scale);
  return (
    <Box flexShrink={0}>
      <Box flexDirection="column" marginRight={1} flexShrink={0}>
        {lines.map((line, i) => (
          <Text key={i} color={colour} bold={figure.bold}>
            {line}
          </Text>
        ))}
      </Box>
      {figure.shade ? (
        <Box flexDirection="column" marginRight={2} flexShrink={0}>
          {lines.map((_, i) => (
            <Text key={i} color={colour}>
              {figure.shade.repeat(SHADE_WIDTH[scale])}
            </Text>
          ))}
        </Box>
      ) : null}
      <Box flexDirection="column" flexShrink={0} marginLeft={figure.shade ? 0 : 1}>
        {figure.labels.map((label, i) => (
          <Text key={i} bold={i === 0} dimColor={i > 1} wrap="truncate-end">
            {label}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
