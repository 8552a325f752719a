/**
 * The evidence of one answer (issue 18), opened with `e` from the walk, the answers
 * behind a score or a request once the answer has some: each item with where it is,
 * what it shows, who collected it and when, where it stands and when it expires, and a
 * file that changed since it was accepted flagged (checked through the store when the
 * list opens or changes). `a` adds an item (the evidence form), `x` accepts the
 * highlighted one or rejects it (asking why), `d` removes it (asking first). Every
 * change goes through the store; a request the item answers follows its status.
 */
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { answerFor, judgeEvidence, removeEvidence } from '../../core/evidence.js';
import { setRequest } from '../../core/evidence-requests.js';
import { dayOf } from '../../core/plan-status.js';
import { plainLine } from '../../core/terminal-text.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import type { Assessment, Evidence } from '../../core/workbook-schema.js';
import { checkEvidenceFilesNow } from '../../store/evidence-files.js';
import { Gone } from '../components/AssessmentGone.js';
import { Confirm } from '../components/Confirm.js';
import { ItemWindow, type ItemLine } from '../components/ItemWindow.js';
import { LabelPrompt } from '../components/LabelPrompt.js';
import { Paragraph } from '../components/Paragraph.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { useReport } from '../derived.js';
import { answerEvidence, evidenceRows, evidenceSummary, type EvidenceRow } from '../evidence-lines.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { moveBy } from '../list-move.js';
import { useNav } from '../navigation.js';
import type { AssessmentProps } from '../screen-props.js';
import { sharedCommand, useShell, useTone } from '../shell.js';
import { editText, type TextState } from '../text-edit.js';
import { wrapAtMost } from '../wrap-lines.js';

interface State {
  id: string | undefined;
  /** Asking before removing this item. */
  removing?: string;
  /** Asking why this item is rejected. */
  rejecting?: { id: string; text: TextState; problem?: string };
  message?: string;
}

const EMPTY_TEXT: TextState = { value: '', cursor: 0 };

export function EvidenceScreen({
  bank,
  apply,
  assessment,
  journeyId,
  questionId,
  collectedBy,
  requestId,
  focus,
}: AssessmentProps & { journeyId: string | null; questionId: string; collectedBy?: string | undefined; requestId?: string | undefined; focus?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const nav = useNav();
  const report = useReport(bank, assessment);
  const assessmentId = assessment.id;
  const today = dayOf(shell.now());
  const question = bank.questions.find((q) => q.id === questionId);
  const journey = journeyId === null ? undefined : assessment.journeys.find((j) => j.id === journeyId);
  const all = assessment.evidence;
  const list = useMemo(() => answerEvidence({ evidence: all }, journeyId, questionId), [all, journeyId, questionId]);
  // The files are hashed again only when the evidence changes, not on every frame.
  const checks = useMemo(() => checkEvidenceFilesNow(list), [list]);
  const answer = answerFor(assessment, journeyId, questionId);
  const rows = useMemo(() => evidenceRows(list, answer, question, today, checks), [list, answer, question, today, checks]);
  const [state, setState, ref] = useRefState<State>(() => ({ id: focus ?? rows[0]?.evidence.id }));
  const indexOf = (id: string | undefined) => Math.max(0, rows.findIndex((r) => r.evidence.id === id));
  const index = indexOf(state.id);

  /** The request an item answers, as listed now (its status follows the item's). */
  const requestOf = (e: Evidence) => (e.requestId ? report.evidence?.requests.find((r) => r.id === e.requestId) : undefined);
  const withRequest = (a: Assessment, e: Evidence, status: Evidence['status']) => {
    const request = requestOf(e);
    return request ? setRequest(a, { id: request.id, journeyId: e.journeyId, questionId: e.questionId, status }, request, a.facilitator, shell.now()) : a;
  };

  const judge = (e: Evidence, status: Evidence['status'], reason: string): string | undefined => {
    const result = judgeEvidence(assessment, e.id, status, reason);
    if ('problem' in result) return result.problem;
    apply((w) =>
      updateAssessment(w, assessmentId, (a) => {
        const next = judgeEvidence(a, e.id, status, reason);
        return 'problem' in next ? a : withRequest(next.assessment, e, status);
      }),
    );
    setState({ id: e.id, message: `Evidence ${e.id} ${status}${status === 'accepted' ? '' : `: ${plainLine(reason).trim()}`}.` });
    return undefined;
  };

  // The reason asked for, and the question before removing, claim the keys above the list.
  useKeys(
    (input, key) => {
      const { removing, rejecting, id } = ref.current;
      if (rejecting) {
        const command = commandFor('reason', input, key);
        const item = list.find((e) => e.id === rejecting.id);
        if (command === 'back' || !item) setState({ id });
        else if (command === 'save') {
          const problem = judge(item, 'rejected', rejecting.text.value);
          if (problem) setState({ id, rejecting: { ...rejecting, problem } });
        } else {
          const next = editText(rejecting.text, input, key, false);
          if (next) setState({ id, rejecting: { id: rejecting.id, text: next } });
        }
        return true;
      }
      if (removing) {
        if (input === 'y' && !key.ctrl) {
          apply((w) => updateAssessment(w, assessmentId, (a) => removeEvidence(a, removing)));
          const at = indexOf(removing);
          const next = rows[at + 1] ?? rows[at - 1];
          setState({ id: next?.evidence.id, message: `Evidence ${removing} removed from the workbook (the file or page itself is untouched).` });
        } else setState({ id });
        return true;
      }
      return false;
    },
    shell.active,
    'modal',
  );

  useKeys((input, key) => {
    const at = indexOf(ref.current.id);
    const move = listMoveFor('evidence', input, key);
    if (move) {
      const next = moveBy(at, rows.length, move);
      if (next !== undefined) setState({ id: rows[next]!.evidence.id });
      return;
    }
    const command = commandFor('evidence', input, key);
    const current = rows[at]?.evidence;
    switch (command) {
      case 'add':
        if (answer?.kind !== 'option') return setState({ id: ref.current.id, message: 'The answer has no option for evidence to back; answer the question first.' });
        return nav.go({
          name: 'evidence-form',
          assessmentId,
          journeyId,
          questionId,
          ...(collectedBy !== undefined ? { collectedBy } : {}),
          ...(requestId !== undefined ? { requestId } : {}),
        });
      case 'status':
        if (!current) return;
        if (current.status === 'rejected') {
          const problem = judge(current, 'accepted', '');
          if (problem) setState({ id: current.id, message: problem });
          return;
        }
        return setState({ id: current.id, rejecting: { id: current.id, text: EMPTY_TEXT } });
      case 'remove':
        if (current) setState({ id: current.id, removing: current.id });
        return;
      default:
        sharedCommand(shell, 'evidence', command, key, () => nav.back());
    }
  }, shell.active);

  if (!question || (journeyId !== null && !journey)) return <Gone scope="evidence" what="question" />;
  const where = journey ? plainLine(journey.name) : 'Organisation-wide';
  const option = answer?.kind === 'option' ? question.options.find((o) => o.id === answer.optionId) : undefined;
  const width = shell.size.columns;
  const removing = state.removing ? rows.find((r) => r.evidence.id === state.removing) : undefined;
  const rejecting = state.rejecting;
  const rejectedRow = rejecting ? rows.find((r) => r.evidence.id === rejecting.id) : undefined;
  const rejectText = rejecting
    ? `Reject evidence ${rejecting.id}: say what it fails to show.${rejectedRow?.counts && rows.filter((r) => r.counts).length === 1 ? ' The answer then no longer counts as verified by evidence.' : ' The answer keeps its confidence.'}`
    : '';
  const promptLines = rejecting ? 4 + Math.ceil(rejectText.length / Math.max(20, width - 4)) + (rejecting.problem ? 1 : 0) : 0;
  const confirmText = removing
    ? `Remove evidence ${removing.evidence.id} (${removing.reference}) from the workbook?${removing.counts && rows.filter((r) => r.counts).length === 1 ? ' The answer then no longer counts as verified.' : ''} Press y to remove it, any other key to keep it.`
    : '';
  const confirmLines = removing ? 2 + Math.ceil(confirmText.length / Math.max(20, width - 6)) : 0;
  const messageLines = state.message ? Math.ceil(state.message.length / Math.max(20, width)) : 0;
  const header = [
    `${where} · the answer: ${option ? plainLine(option.label) : answer?.kind === 'unknown' ? "We don't know" : 'none with an option'}`,
    plainLine(question.prompt),
  ];
  const body = bodyRows(shell.size.rows);
  const detail = rows[index] ? detailLines(rows[index], width, shell.size.rows < 30) : [];
  const fixed = header.length + 2 + promptLines + confirmLines + messageLines;
  const listHeight = Math.max(3, body - fixed - (detail.length > 0 ? detail.length + 1 : 0));
  const lines = listLines(rows, width, tone);

  return (
    <Screen trail={[assessment.name, where, 'Evidence']} scope={rejecting ? 'reason' : 'evidence'}>
      {header.map((line, i) => (
        <Text key={i} bold={i === 0} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {rows.length === 0 ? 'No evidence yet: a adds a link or a file.' : evidenceSummary(rows)}
      </Text>
      {rows.length > 0 ? (
        <Box marginTop={1} flexShrink={0}>
          <ItemWindow lines={lines} index={index} count={rows.length} height={Math.min(listHeight, lines.length)} noun="item" />
        </Box>
      ) : null}
      {detail.length > 0 ? (
        <Box flexDirection="column" marginTop={1} flexShrink={0}>
          {detail.map((line, i) => (
            <Text key={i} wrap="truncate-end" dimColor={line.dim} color={line.warn ? tone('red') : undefined} bold={line.warn}>
              {line.text}
            </Text>
          ))}
        </Box>
      ) : null}
      {state.message && !rejecting && !removing ? <Paragraph color={tone('green')} text={state.message} width={width} /> : null}
      {rejecting ? <LabelPrompt message={rejectText} label="Why" state={rejecting.text} enter="rejects it" problem={rejecting.problem} /> : null}
      {removing ? <Confirm message={confirmText} /> : null}
    </Screen>
  );
}

/** Each item in one line: where it stands, then where it is; a changed file marked. */
function listLines(rows: readonly EvidenceRow[], width: number, tone: (c: string) => string | undefined): ItemLine[] {
  return rows.map((row, i) => ({
    item: i,
    node: (
      <Box width={width - 2}>
        <Text wrap="truncate-end" dimColor={row.evidence.status === 'rejected'}>
          <Text bold>{row.evidence.id}</Text> <Text color={row.counts ? tone('green') : undefined}>{row.counts ? '✓' : '·'}</Text> {row.standing}
          {row.check ? (
            <Text color={tone('red')} bold>
              {` ${row.check}`}
            </Text>
          ) : null}{' '}
          · {row.reference}
        </Text>
      </Box>
    ),
  }));
}

/** The highlighted item in full: where it is, what it shows, who and when, expiry, and its file's check. */
function detailLines(row: EvidenceRow, width: number, short: boolean): { text: string; dim: boolean; warn: boolean }[] {
  const most = short ? 1 : 2;
  const line = (text: string, dim = true, warn = false) => ({ text, dim, warn });
  return [
    ...wrapAtMost(`${row.evidence.link !== undefined ? 'Link' : 'File'}: ${row.reference}${row.evidence.link !== undefined ? '' : ` (${row.kind.replace(/^file, /, '')})`}`, width, most).map((t) => line(t, false)),
    ...wrapAtMost(`Shows: ${row.shows}`, width, most).map((t) => line(t, false)),
    line([row.collected, row.expiry, row.evidence.requestId ? `for ${row.evidence.requestId}` : ''].filter(Boolean).join(' · ')),
    ...(row.check ? [line(row.check, false, true)] : []),
  ];
}
