import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Dispatch } from 'react';
import type { Bank } from '../../core/bank-schema.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Workbook } from '../../core/workbook-schema.js';
import { assessmentProgress } from '../progress.js';
import type { Navigation } from '../navigation.js';

const NEW = '\u0000new';

/** The assessments in the workbook, and a way to start one. */
export function HomeScreen({ workbook, bank, dispatch, active }: { workbook: Workbook; bank: Bank; dispatch: Dispatch<Navigation>; active: boolean }) {
  const items = [
    ...workbook.assessments.map((a) => {
      const p = assessmentProgress(bank, a);
      return { key: a.id, value: a.id, label: `${plainLine(a.name)}  (${a.journeys.length} journeys, ${p.answered} / ${p.total} answered)` };
    }),
    { key: NEW, value: NEW, label: '+ New assessment' },
  ];
  return (
    <Box flexDirection="column">
      <Text bold>cxray · {plainLine(bank.title)}</Text>
      <Text dimColor>{workbook.assessments.length === 0 ? 'No assessments yet.' : 'Choose an assessment:'}</Text>
      <Box marginTop={1}>
        <SelectInput
          items={items}
          isFocused={active}
          onSelect={(item) =>
            dispatch(item.value === NEW ? { type: 'create-assessment' } : { type: 'open-assessment', assessmentId: item.value })
          }
        />
      </Box>
    </Box>
  );
}
