import { scopeNamesOf } from '../../core/bank-words.js';
import { Box, Text } from 'ink';
import type { Bank, Question } from '../../core/bank-schema.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Assessment } from '../../core/workbook-schema.js';
import type { AssessmentModel } from '../assessment-model.js';
import { useShell } from '../shell.js';
import type { WalkSection } from '../walk-section.js';
import type { DimensionSpan } from '../walk-state.js';
import { Screen, bodyRows } from './Screen.js';
import { SelectList } from './SelectList.js';
import { WalkBars } from './WalkTop.js';

/** The walk's list of dimensions with how many of each are answered, to jump to one. */
export function DimensionList({
  assessment,
  section,
  bank,
  model,
  questions,
  dimensions,
  index,
}: {
  assessment: Assessment;
  section: WalkSection;
  bank: Bank;
  model: AssessmentModel;
  questions: readonly Question[];
  dimensions: readonly DimensionSpan[];
  index: number;
}) {
  const shell = useShell();
  const rows = dimensions.map((d) => {
    const title = bank.dimensions.find((x) => x.id === d.id)?.title ?? d.id;
    let answered = 0;
    for (let i = d.first; i < d.first + d.count; i++) if (section.shown(questions[i]!).answer) answered++;
    return { key: d.id, label: `${plainLine(title)}  (${answered} / ${d.count} answered)` };
  });
  return (
    <Screen trail={[assessment.name, section.title]} scope="dimensions">
      <WalkBars section={section} all={model.total} scope={scopeNamesOf(bank)} />
      <Box marginTop={1} flexDirection="column">
        <Text bold>Jump to a dimension</Text>
        <SelectList rows={rows} index={index} height={bodyRows(shell.size.rows) - 4} />
      </Box>
    </Screen>
  );
}
