import { useMemo, useState, type Dispatch } from 'react';
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import type { Bank } from '../../core/bank-schema.js';
import { answerKey, firstUnanswered, indexAnswers, journeyProgress, questionsFor } from '../../core/journey-questions.js';
import { plainLine, plainText } from '../../core/terminal-text.js';
import type { Answer, Workbook } from '../../core/workbook-schema.js';
import { recordAnswer } from '../../core/workbook-ops.js';
import { commandFor } from '../keybindings.js';
import type { Navigation } from '../navigation.js';

const UNKNOWN = '\u0000unknown';
const NOT_APPLICABLE = '\u0000na';

/** The walk: one question of one journey at a time, answered the moment it is chosen. */
export function WalkScreen({
  workbook,
  bank,
  assessmentId,
  journeyId,
  apply,
  dispatch,
  now,
  active,
}: {
  workbook: Workbook;
  bank: Bank;
  assessmentId: string;
  journeyId: string;
  apply: (change: (w: Workbook) => Workbook) => void;
  dispatch: Dispatch<Navigation>;
  now: () => Date;
  active: boolean;
}) {
  const assessment = workbook.assessments.find((a) => a.id === assessmentId);
  const journey = assessment?.journeys.find((j) => j.id === journeyId);
  const questions = useMemo(
    () => (assessment && journey ? questionsFor(bank, journey, assessment) : []),
    [bank, journey, assessment?.systems],
  );
  const answers = useMemo(() => indexAnswers(assessment?.answers ?? []), [assessment?.answers]);
  // Resume at the first unanswered question; questions.length means "all done".
  const [index, setIndex] = useState(() => {
    const p = journeyProgress(questions, journeyId, answers);
    return p.answered === p.total ? questions.length : firstUnanswered(questions, journeyId, answers);
  });

  const question = questions[index];
  const current = question ? answers.get(answerKey(journeyId, question.id)) : undefined;

  const answer = (kind: Answer['kind'], optionId?: string) => {
    if (!question) return;
    const given: Answer = {
      journeyId,
      questionId: question.id,
      kind,
      ...(kind === 'option' ? { optionId, confidence: current?.confidence ?? 'reported' } : {}),
      ...(current?.policy ? { policy: current.policy } : {}),
      note: current?.note ?? '',
      by: assessment?.facilitator ?? '',
      at: now().toISOString(),
    };
    apply((w) => recordAnswer(w, assessmentId, given));
    setIndex((i) => Math.min(i + 1, questions.length));
  };

  useInput(
    (input, key) => {
      const command = commandFor('walk', input, key);
      if (command === 'previous') setIndex((i) => Math.max(0, i - 1));
      else if (command === 'next') setIndex((i) => Math.min(questions.length, i + 1));
      else if (!question) {
        if (command === 'select') dispatch({ type: 'back' });
      } else if (command === 'unknown') answer('unknown');
      else if (command === 'not-applicable') answer('na');
      // 1-9 are handled by SelectInput itself: it chooses the Nth item.
    },
    { isActive: active },
  );

  if (!assessment || !journey) return <Text color="red">This journey is no longer in the workbook.</Text>;
  const progress = journeyProgress(questions, journeyId, answers);
  const header = (
    <Text>
      <Text bold>{plainLine(journey.name)}</Text>
      <Text dimColor>
        {'  '}
        {progress.answered} / {progress.total} answered
      </Text>
    </Text>
  );

  if (!question) {
    return (
      <Box flexDirection="column">
        {header}
        <Box marginTop={1} flexDirection="column">
          <Text color="green">
            {progress.answered === progress.total
              ? `All ${progress.total} questions of this journey are answered.`
              : `End of the journey: ${progress.total - progress.answered} of ${progress.total} questions are still unanswered.`}
          </Text>
          <Text dimColor>Enter: back to the journeys · ←: previous question</Text>
        </Box>
      </Box>
    );
  }

  const dimension = bank.dimensions.find((d) => d.id === question.dimension);
  const items = [
    ...question.options.map((o, i) => ({ key: o.id, value: o.id, label: `${i + 1}. ${plainLine(o.label)}` })),
    { key: UNKNOWN, value: UNKNOWN, label: "u. We don't know" },
    { key: NOT_APPLICABLE, value: NOT_APPLICABLE, label: 'x. Not applicable' },
  ];
  const chosen =
    current?.kind === 'option' ? current.optionId : current?.kind === 'unknown' ? UNKNOWN : current?.kind === 'na' ? NOT_APPLICABLE : undefined;
  const initialIndex = Math.max(0, items.findIndex((item) => item.value === chosen));

  return (
    <Box flexDirection="column">
      {header}
      <Text dimColor>
        Question {index + 1} of {questions.length} · {plainLine(dimension?.title ?? question.dimension)}
        {current ? ' · answered' : ''}
      </Text>
      <Box marginTop={1}>
        <Text bold wrap="wrap">
          {plainText(question.prompt)}
        </Text>
      </Box>
      <Box marginTop={1}>
        <SelectInput
          key={question.id}
          items={items}
          initialIndex={initialIndex}
          isFocused={active}
          onSelect={(item) =>
            item.value === UNKNOWN ? answer('unknown') : item.value === NOT_APPLICABLE ? answer('na') : answer('option', item.value)
          }
        />
      </Box>
    </Box>
  );
}
