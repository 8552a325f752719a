/**
 * The vote spread under a question on the projector: while the room votes, how many have
 * voted (a hidden vote shows nothing more until it is revealed), then who chose what and
 * how far apart; once the room has settled, the positions kept with the answer. Every
 * name is text from the sidecar or the workbook: plainLine.
 */
import { Box, Text } from 'ink';
import type { Question } from '../../core/bank-schema.js';
import type { PresenceVote } from '../../core/presence.js';
import { plainLine } from '../../core/terminal-text.js';
import { positionGroups, spreadWords, voteSpread } from '../../core/votes.js';
import type { Position, Vote } from '../../core/workbook-schema.js';
import { Paragraph } from '../components/Paragraph.js';
import { useTone } from '../shell.js';
import { wrappedLines } from '../walk-layout.js';

/** What the spread says: a first line, and one line per answer chosen (who chose it). */
export interface SpreadText {
  head: string;
  disputed: boolean;
  groups: readonly string[];
}

/** The spread's words for a vote under way (`live`) or the one kept with the answer; undefined when there is none to show. */
export function spreadText(question: Question, live: PresenceVote | undefined, kept: Vote | undefined, levels?: readonly string[] | null): SpreadText | undefined {
  const positions: readonly Position[] | undefined = live ? live.positions : kept?.positions;
  if (live && !positions) return { head: `Voting: ${live.voted} of ${live.voters} voted · the positions show once everyone has voted`, disputed: false, groups: [] };
  if (!positions || positions.length === 0) return live ? { head: 'Voting: nobody has voted yet', disputed: false, groups: [] } : undefined;
  const spread = voteSpread(question, positions);
  const words = spreadWords(spread, levels);
  const head = `${live ? `Votes: ${live.voted} of ${live.voters}` : 'The room voted'}${words ? ` · ${words}` : ''}${spread.disputed ? ' · ! disputed: the outliers explain' : ''}`;
  return { head, disputed: spread.disputed, groups: positionGroups(question, positions).map((g) => `${g.names.length} × ${plainLine(g.label)}: ${g.names.map(plainLine).join(', ')}`) };
}

/** Rows the spread takes at `width` (its margin above included); `compact`: one row a group. */
export function spreadRows(text: SpreadText | undefined, width: number, compact: boolean): number {
  if (!text) return 0;
  return 2 + text.groups.reduce((sum, g) => sum + (compact ? 1 : wrappedLines(g, width)), 0);
}

export function VoteSpread({ text, width, compact }: { text: SpreadText | undefined; width: number; compact: boolean }) {
  const tone = useTone();
  if (!text) return null;
  return (
    <Box marginTop={1} flexDirection="column">
      <Text bold color={text.disputed ? tone('yellow') : undefined} wrap="truncate-end">
        {text.head}
      </Text>
      {text.groups.map((g, i) =>
        compact ? (
          <Text key={i} wrap="truncate-end">
            {g}
          </Text>
        ) : (
          <Paragraph key={i} text={g} width={width} />
        ),
      )}
    </Box>
  );
}
