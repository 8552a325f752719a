import { Box, Text } from 'ink';
import type { Question } from '../../core/bank-schema.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Assessment } from '../../core/workbook-schema.js';
import type { AssessmentModel } from '../assessment-model.js';
import { carriedByJourney } from '../cycle-figures.js';
import { useTone } from '../shell.js';
import type { WalkSection } from '../walk-section.js';
import type { WalkState } from '../walk-state.js';
import { plural } from '../words.js';
import { Screen } from './Screen.js';
import { WalkBars, WalkJump, WalkPrompt } from './WalkTop.js';

/** The end of a journey's walk (or of the organisation-wide section): what is left, and where Enter goes next. */
export function WalkEnd({
  assessment,
  section,
  model,
  questions,
  nextJourneyId,
  state,
}: {
  assessment: Assessment;
  section: WalkSection;
  model: AssessmentModel;
  questions: readonly Question[];
  nextJourneyId: string | undefined;
  state: WalkState;
}) {
  const tone = useTone();
  const progress = section.progress;
  const what = section.kind === 'journey' ? 'this journey' : 'the organisation-wide section';
  const next = assessment.journeys.find((j) => j.id === nextJourneyId);
  const carriedNext = next ? (carriedByJourney(assessment.answers).get(next.id) ?? 0) : 0;
  const carriedHere = questions.filter((q) => {
    const shown = section.shown(q);
    return shown.source !== 'organisation' && shown.answer?.carriedOver;
  }).length;
  return (
    <Screen trail={[assessment.name, section.title]} scope={state.mode === 'jump' ? 'jump' : 'walk'}>
      <WalkBars section={section} all={model.total} />
      <Box marginTop={1} flexDirection="column">
        <Text color={tone('green')} bold>
          {progress.answered === progress.total
            ? `All ${progress.total} questions of ${what} are answered.`
            : `End of ${what}: ${progress.total - progress.answered} of ${progress.total} questions are still unanswered (g goes to the next one).`}
        </Text>
        {carriedHere > 0 ? (
          <Text color={tone('cyan')} wrap="wrap">
            ↻ {plural(carriedHere, 'answer is', 'answers are')} still carried over from the last cycle: g goes to the next one, Enter there keeps it.
          </Text>
        ) : null}
        <Text wrap="wrap">
          {next
            ? `Enter: walk '${plainLine(next.name)}' next (${model.progress.get(next.id)?.answered ?? 0} / ${model.progress.get(next.id)?.total ?? 0} answered${carriedNext ? `, ${carriedNext} carried over` : ''}) · Esc: back to the journeys · ←: previous question`
            : 'Enter or Esc: back to the journeys · ←: previous question'}
        </Text>
      </Box>
      <WalkJump jump={state.mode === 'jump' ? state.jump : undefined} />
      {state.message ? (
        <Text color={tone('cyan')} wrap="truncate-end">
          {state.message}
        </Text>
      ) : null}
      <WalkPrompt prompt={state.prompt} note={state.note?.text.value ?? ''} />
    </Screen>
  );
}
