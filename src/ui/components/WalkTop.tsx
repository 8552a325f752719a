import { DEFAULT_SCOPE_NAMES, capitalised, type ScopeNames } from '../../core/bank-words.js';
import { Box, Text } from 'ink';
import type { JourneyProgress } from '../../core/journey-questions.js';
import { describePii, findPii } from '../../core/pii.js';
import { useShell, useTone } from '../shell.js';
import { graphemeAt, visibleSlice, type TextState } from '../text-edit.js';
import type { WalkSection } from '../walk-section.js';
import type { Prompt } from '../walk-state.js';
import { Confirm } from './Confirm.js';
import { ProgressBar } from './ProgressBar.js';

/** The walk's first line: the progress of this journey (or of the organisation-wide section) and of the whole assessment. */
export function WalkBars({ section, all, scope = DEFAULT_SCOPE_NAMES }: { section: Pick<WalkSection, 'kind' | 'progress' | 'withOrganisation'>; all: JourneyProgress; scope?: ScopeNames }) {
  const { size } = useShell();
  const journey = section.progress;
  // One line at any width: the bars give way.
  const label = section.kind === 'journey' ? `${capitalised(scope.singular)} ` : 'Organisation-wide ';
  const allLabel = section.withOrganisation ? '   All ' : `   All ${scope.plural} `;
  const count = (p: JourneyProgress) => 2 * String(p.total).length + 4; // ' 12 / 20', the count padded to the total's width
  const words = label.length + allLabel.length + count(journey) + count(all);
  const barWidth = Math.max(3, Math.min(size.columns >= 100 ? 20 : 10, Math.floor((size.columns - 1 - words) / 2)));
  return (
    <Box flexShrink={0}>
      <Text>{label}</Text>
      <ProgressBar done={journey.answered} total={journey.total} width={barWidth} />
      <Text dimColor>{allLabel}</Text>
      <ProgressBar done={all.answered} total={all.total} width={barWidth} />
    </Box>
  );
}

/** The line that goes to a question (`/`): what is typed, with its cursor. */
export function WalkJump({ jump }: { jump: TextState | undefined }) {
  const { size } = useShell();
  const tone = useTone();
  if (!jump) return null;
  const label = 'Go to question (its number, or words of its prompt): ';
  const shown = visibleSlice(jump.value, jump.cursor, Math.max(5, size.columns - label.length - 1));
  const at = graphemeAt(shown.text, shown.cursor);
  return (
    <Box flexShrink={0}>
      <Text wrap="truncate-end">
        <Text bold color={tone('cyan')}>
          {label}
        </Text>
        {shown.text.slice(0, shown.cursor)}
        <Text inverse>{at || ' '}</Text>
        {shown.text.slice(shown.cursor + at.length)}
      </Text>
    </Box>
  );
}

/** The question the walk asks before it goes on, with the keys that answer it. */
export function WalkPrompt({ prompt, note }: { prompt: Prompt | undefined; note: string }) {
  return prompt ? <Confirm message={walkPromptText(prompt, note)} /> : null;
}

export function walkPromptText(prompt: Prompt, note: string): string {
  switch (prompt.kind) {
    case 'note-leave':
      return 'The note has unsaved changes. Press s to save it, d to drop the changes, any other key to keep editing.';
    case 'note-quit':
      return 'The note has unsaved changes. Press s to save it and quit, d to quit without it, any other key to keep editing.';
    case 'note-pii':
      return `The note looks like it holds customer data (${describePii(findPii(note))}). Press m to mask it and save, s to save it as typed, any other key to keep editing.`;
    case 'vote-drop':
      return prompt.then === 'quit'
        ? 'A vote is under way; its positions are saved only once the room settles an answer. Press y to drop it and quit, any other key to keep voting.'
        : 'Drop this vote? Its positions are saved only once the room settles an answer. Press y to drop it, any other key to keep voting.';
  }
}
