/**
 * What the presenter shows for one snapshot: the question the driving cxray shows, the
 * end of its journey, or "waiting" with why (no cxray on this workbook, another screen,
 * a sidecar it cannot read). Nothing of the sidecar is shown: its ids only look the
 * assessment, the journey and the question up; every word drawn comes from the workbook
 * or the bank, through plainLine.
 */
import { Box, Text } from 'ink';
import type { Bank } from '../../core/bank-schema.js';
import { scopeNamesOf, withArticle } from '../../core/bank-words.js';
import type { Presence } from '../../core/presence.js';
import { currentSession } from '../../core/session.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Assessment } from '../../core/workbook-schema.js';
import type { PresentSnapshot } from '../../store/present-source.js';
import { WalkEnd } from '../components/WalkEnd.js';
import { Paragraph } from '../components/Paragraph.js';
import { Screen } from '../components/Screen.js';
import { useAssessmentModel } from '../derived.js';
import { useShell, useTone } from '../shell.js';
import { nextJourneyOf, walkLeft, walkLists, walkSectionOf } from '../walk-lists.js';
import type { WalkState } from '../walk-state.js';
import { PresentQuestion } from './PresentQuestion.js';

/** The state WalkEnd is drawn with: nothing typed, nothing asked. */
const AT_END = (index: number): WalkState => ({ index, highlight: 0, mode: 'answer', showHelp: false, drafts: {}, dimension: 0, showOrganisation: false });

/** Why there is nothing to follow, in a sentence (undefined: there is), speaking of what the bank assesses. */
function waitingReason(snapshot: PresentSnapshot, assessment: Assessment | undefined, workbookPath: string, bank: Bank, bankPath: string | undefined): string | undefined {
  const read = snapshot.presence;
  const shown = plainLine(workbookPath);
  // cxray must walk with the presenter's bank: a bank of one's own is named in the command to start.
  const withBank = bankPath === undefined ? '' : ` --bank ${plainLine(bankPath)}`;
  const { singular } = scopeNamesOf(bank);
  if (read.kind === 'none') return `cxray is not running on ${shown}: start \`cxray --db ${shown}${withBank}\` and walk ${withArticle(singular)}.`;
  if (read.kind === 'unreadable') return 'The file beside the workbook that says where cxray is cannot be read (not one cxray wrote, or cut short); waiting for cxray to write it again.';
  const p = read.presence;
  if (p.screen === 'closed') return `cxray is not running on ${shown}: it quit, or stopped.`;
  if (p.screen === 'elsewhere') return 'cxray is open on another screen; the walk shows here once it starts.';
  if (!snapshot.workbook) return `Waiting for ${shown} to be saved.`;
  if (!assessment) return 'The assessment being walked is not in the workbook as last saved; waiting for the next save.';
  return undefined;
}

export function PresentBody({ snapshot, bank, workbookPath, bankPath }: { snapshot: PresentSnapshot; bank: Bank; workbookPath: string; bankPath?: string | undefined }) {
  const presence: Presence | undefined = snapshot.presence.kind === 'presence' ? snapshot.presence.presence : undefined;
  const assessment = presence?.assessmentId === undefined ? undefined : snapshot.workbook?.assessments.find((a) => a.id === presence.assessmentId);
  const model = useAssessmentModel(bank, assessment);
  const reason = waitingReason(snapshot, assessment, workbookPath, bank, bankPath);
  if (reason !== undefined || !presence || !assessment) return <Waiting reason={reason ?? ''} problem={snapshot.problem} />;
  const journeyId = presence.journeyId ?? null;
  const session = currentSession(assessment);
  const lists = walkLists(model, journeyId, session, presence.questionId);
  const left = walkLeft(model, journeyId, lists);
  const section = walkSectionOf(model, assessment, journeyId, lists, left);
  if (!section) return <Waiting reason={`The ${scopeNamesOf(bank).singular} being walked is not in the workbook as last saved; waiting for the next save.`} problem={snapshot.problem} />;
  if (presence.screen === 'end') {
    const questions = lists.own;
    return (
      <WalkEnd
        assessment={assessment}
        bank={bank}
        section={section}
        model={model}
        questions={questions}
        nextJourneyId={nextJourneyOf(model, assessment, journeyId, lists.scope)}
        state={AT_END(questions.length)}
      />
    );
  }
  const question = bank.questions.find((q) => q.id === presence.questionId);
  if (!question) return <Waiting reason="cxray shows a question this bank does not have: start the presenter with the same --bank as cxray." problem={snapshot.problem} />;
  return <PresentQuestion assessment={assessment} bank={bank} section={section} question={question} index={presence.index ?? 0} total={presence.total ?? lists.own.length} vote={presence.vote} problem={snapshot.problem} />;
}

function Waiting({ reason, problem }: { reason: string; problem: string | undefined }) {
  const { size } = useShell();
  const tone = useTone();
  const width = size.columns - 4;
  return (
    <Screen trail={['present']} scope="walk">
      <Box flexDirection="column" marginTop={Math.max(0, Math.floor(size.rows / 2) - 5)} marginLeft={2}>
        <Text bold>Waiting for cxray to start a walk</Text>
        <Box marginTop={1}>
          <Paragraph dim text={reason} width={width} />
        </Box>
        {problem ? (
          <Box marginTop={1}>
            <Paragraph color={tone('yellow')} text={`! ${plainLine(problem)}`} width={width} />
          </Box>
        ) : null}
        <Box marginTop={1}>
          <Text dimColor>q leaves</Text>
        </Box>
      </Box>
    </Screen>
  );
}
