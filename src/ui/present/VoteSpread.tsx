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
import { useShell, useTone } from '../shell.js';

export function VoteSpread({ question, live, kept }: { question: Question; live: PresenceVote | undefined; kept: Vote | undefined }) {
  const { size } = useShell();
  const tone = useTone();
  const width = size.columns - 4;
  const positions: readonly Position[] | undefined = live ? live.positions : kept?.positions;
  if (live && !positions) {
    return (
      <Box marginTop={1}>
        <Text bold>
          Voting: {live.voted} of {live.voters} voted · the positions show once everyone has voted
        </Text>
      </Box>
    );
  }
  if (!positions || positions.length === 0) {
    return live ? (
      <Box marginTop={1}>
        <Text bold>Voting: nobody has voted yet</Text>
      </Box>
    ) : null;
  }
  const spread = voteSpread(question, positions);
  const words = spreadWords(spread);
  const head = live ? `Votes: ${live.voted} of ${live.voters}` : 'The room voted';
  return (
    <Box marginTop={1} flexDirection="column">
      <Text bold color={spread.disputed ? tone('yellow') : undefined} wrap="truncate-end">
        {head}
        {words ? ` · ${words}` : ''}
        {spread.disputed ? ' · ! disputed: the outliers explain' : ''}
      </Text>
      {positionGroups(question, positions).map((g) => (
        <Paragraph key={`${g.kind}\u0000${g.optionId ?? ''}`} text={`${g.names.length} × ${plainLine(g.label)}: ${g.names.map(plainLine).join(', ')}`} width={width} />
      ))}
    </Box>
  );
}
