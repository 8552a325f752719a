import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Dispatch } from 'react';
import type { Bank } from '../../core/bank-schema.js';
import { indexAnswers, journeyProgress, questionsFor } from '../../core/journey-questions.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Workbook } from '../../core/workbook-schema.js';
import type { Navigation } from '../navigation.js';

const NEW = '\u0000new';

/** One assessment: its journeys, with progress, and a way to add one. */
export function AssessmentScreen({
  workbook,
  bank,
  assessmentId,
  dispatch,
  active,
}: {
  workbook: Workbook;
  bank: Bank;
  assessmentId: string;
  dispatch: Dispatch<Navigation>;
  active: boolean;
}) {
  const assessment = workbook.assessments.find((a) => a.id === assessmentId);
  if (!assessment) return <Text color="red">This assessment is no longer in the workbook.</Text>;
  const answers = indexAnswers(assessment.answers);
  const items = [
    ...assessment.journeys.map((j) => {
      const p = journeyProgress(questionsFor(bank, j, assessment), j.id, answers);
      return { key: j.id, value: j.id, label: `${plainLine(j.name)}  (${p.answered} / ${p.total})` };
    }),
    { key: NEW, value: NEW, label: '+ Add journey' },
  ];
  return (
    <Box flexDirection="column">
      <Text bold>{plainLine(assessment.name)}</Text>
      <Text dimColor>{assessment.journeys.length === 0 ? 'No journeys yet: add the first one.' : 'Choose a journey to walk:'}</Text>
      <Box marginTop={1}>
        <SelectInput
          items={items}
          isFocused={active}
          onSelect={(item) =>
            dispatch(
              item.value === NEW
                ? { type: 'create-journey', assessmentId }
                : { type: 'walk-journey', assessmentId, journeyId: item.value },
            )
          }
        />
      </Box>
    </Box>
  );
}
