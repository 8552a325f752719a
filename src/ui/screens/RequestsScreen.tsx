/**
 * The evidence requests of an assessment (issue 18), `R` on the assessment screen: the
 * answers resting on someone's word, disputed or unknown, grouped by owner, each with its
 * stable id, question, journey, due date (overdue marked) and status, and the highlighted
 * one in full below (the answer, what would show it, its last evidence, its note).
 * `1`-`5` set the status (requested, sent, submitted, accepted, rejected), saved through
 * the store; accepted asks for the evidence when none counts for the answer yet. `e`
 * lists or adds the answer's evidence, Enter opens the question in the walk. The rows
 * are worked out in request-lines.ts.
 */
import stringWidth from 'string-width';
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { setRequest } from '../../core/evidence-requests.js';
import { dayOf } from '../../core/plan-status.js';
import type { ReportRequest } from '../../core/report-schema.js';
import { updateAssessment } from '../../core/workbook-ops.js';
import { Cell } from '../components/Cell.js';
import { ItemWindow, type ItemLine } from '../components/ItemWindow.js';
import { Paragraph } from '../components/Paragraph.js';
import { Screen, bodyRows } from '../components/Screen.js';
import { useReport } from '../derived.js';
import { evidenceScreenFor } from '../evidence-lines.js';
import { useKeys, useRefState } from '../hooks/useKeys.js';
import { commandFor, listMoveFor } from '../keybindings.js';
import { moveBy } from '../list-move.js';
import { useNav, type Screen as Place } from '../navigation.js';
import { STATUS_BY_DIGIT, STATUS_KEYS_TEXT, requestColumns, requestDetail, requestRows, requestsSummary, statusAction, type RequestGroup, type RequestRow } from '../request-lines.js';
import type { AssessmentProps } from '../screen-props.js';
import { sharedCommand, useShell, useTone } from '../shell.js';
import { wrapAtMost, wrapLines } from '../wrap-lines.js';

const EMPTY_SECTION = { items: [], requests: [] as ReportRequest[] };

export function RequestsScreen({ bank, apply, assessment, focus }: AssessmentProps & { focus?: string | undefined }) {
  const shell = useShell();
  const tone = useTone();
  const nav = useNav();
  const assessmentId = assessment.id;
  const today = dayOf(shell.now());
  const report = useReport(bank, assessment);
  const section = report.evidence ?? EMPTY_SECTION;
  const { rows, groups } = useMemo(() => requestRows(section.requests, today), [section.requests, today]);
  // The highlight follows a request, not a row.
  const [state, setState, ref] = useRefState<{ id: string | undefined; message?: string }>(() => ({ id: focus ?? rows[0]?.request.id }));
  const indexOf = (id: string | undefined) => Math.max(0, rows.findIndex((r) => r.request.id === id));
  const index = indexOf(state.id);
  const row = rows[index];

  useKeys((input, key) => {
    const at = indexOf(ref.current.id);
    const move = listMoveFor('requests', input, key);
    if (move) {
      const next = moveBy(at, rows.length, move);
      if (next !== undefined) setState({ id: rows[next]!.request.id });
      return;
    }
    const command = commandFor('requests', input, key);
    const request = rows[at]?.request;
    const here: Place = { name: 'requests', assessmentId, ...(request ? { focus: request.id } : {}) };
    const say = (message: string) => setState({ id: request?.id, message });
    switch (command) {
      case 'status': {
        const status = STATUS_BY_DIGIT[input];
        if (!request || !status) return;
        const action = statusAction(request, status);
        if (action.kind === 'same') return say(`${request.id} is already ${status}.`);
        if (action.kind === 'answer-first') return say('The answer is "We don\'t know": Enter opens the question in the walk to answer it; then 4 asks for the evidence.');
        if (action.kind === 'evidence') {
          return nav.go({ name: 'evidence-form', assessmentId, journeyId: request.journeyId, questionId: request.questionId, requestId: request.id }, here);
        }
        const now = shell.now();
        apply((w) =>
          updateAssessment(w, assessmentId, (a) => setRequest(a, { id: request.id, journeyId: request.journeyId, questionId: request.questionId, status }, request, a.facilitator, now)),
        );
        return say(`${request.id} is now ${status}.`);
      }
      case 'evidence':
        if (!request) return;
        if (request.reason === 'unknown') return say('The answer is "We don\'t know": evidence backs an option, so answer the question first (Enter opens it in the walk).');
        return nav.go(evidenceScreenFor(assessment, { journeyId: request.journeyId, questionId: request.questionId, requestId: request.id }), here);
      case 'select':
        if (!request) return;
        return nav.go(
          request.journeyId === null
            ? { name: 'organisation', assessmentId, questionId: request.questionId }
            : { name: 'walk', assessmentId, journeyId: request.journeyId, questionId: request.questionId },
          here,
        );
      default:
        sharedCommand(shell, 'requests', command, key, () => nav.back());
    }
  }, shell.active);

  const width = shell.size.columns;
  const body = bodyRows(shell.size.rows);
  const short = shell.size.rows < 30;
  // The highlighted request's question whole above its detail when its line cut it.
  const cut = row !== undefined && stringWidth(row.question) + (row.request.status === 'accepted' ? 2 : 0) > requestColumns(width - 2).question;
  const detail = row ? [...(cut ? wrapLines(row.question, width - 1).map((text) => ({ text, dim: false })) : []), ...detailLines(section, row.request, width, short)] : [];
  const messageLines = state.message ? Math.ceil(state.message.length / Math.max(20, width)) : 0;
  const listHeight = Math.max(3, body - 3 - messageLines - (detail.length > 0 ? detail.length + 1 : 0));
  const lines = useMemo(() => listLines(rows, groups, width, tone), [rows, groups, width, tone]);

  return (
    <Screen trail={[assessment.name, 'Evidence requests']} scope="requests">
      <Text bold wrap="truncate-end">
        {requestsSummary(section.requests)}
      </Text>
      <Text dimColor wrap={rows.length === 0 ? 'wrap' : 'truncate-end'}>
        {rows.length === 0 ? 'Each answer on someone\'s word, disputed or unknown, on a question whose help says what would show it, becomes a request.' : `${STATUS_KEYS_TEXT} · e evidence`}
      </Text>
      {rows.length === 0 ? (
        <Box marginTop={1}>
          <Text wrap="wrap" dimColor>
            Nothing to request: every answer that counts is verified by evidence, or its question says nothing about evidence. `cxray requests` writes the list
            owners fill in; `cxray requests import` reads it back.
          </Text>
        </Box>
      ) : (
        <Box marginTop={1} flexShrink={0}>
          <ItemWindow lines={lines} index={index} count={rows.length} height={listHeight} noun="request" />
        </Box>
      )}
      {detail.length > 0 ? (
        <Box flexDirection="column" marginTop={1} flexShrink={0}>
          {detail.map((line, i) => (
            <Text key={i} wrap="truncate-end" dimColor={line.dim}>
              {line.text}
            </Text>
          ))}
        </Box>
      ) : null}
      {state.message ? <Paragraph color={tone('green')} text={state.message} width={width} /> : null}
    </Screen>
  );
}

/** The highlighted request in full, each part on its own lines (one each on a short terminal). */
function detailLines(section: Parameters<typeof requestDetail>[0], request: ReportRequest, width: number, short: boolean): { text: string; dim: boolean }[] {
  const parts = requestDetail(section, request);
  const most = short ? 1 : 2;
  return parts.flatMap((p, i) => wrapAtMost(`${p.label}: ${p.text}`, width, i === 0 ? 1 : most).map((text) => ({ text, dim: i > 0 })));
}

/**
 * An owner's heading, then two lines per request: its due date, status and question (the
 * question last, so that on a wide terminal no gap stands before the due date); then its
 * id and journey.
 */
function listLines(rows: readonly RequestRow[], groups: readonly RequestGroup[], width: number, tone: (c: string) => string | undefined): ItemLine[] {
  const columns = requestColumns(width - 2);
  const lines: ItemLine[] = [];
  const headingAt = new Map(groups.map((g) => [g.first, g]));
  rows.forEach((row, i) => {
    const group = headingAt.get(i);
    if (group) {
      lines.push({
        item: i,
        heading: true,
        node: (
          <Text bold color={tone('blue')} wrap="truncate-end">
            {group.owner} ({group.open} open{group.overdue > 0 ? `, ${group.overdue} overdue` : ''})
          </Text>
        ),
      });
    }
    const accepted = row.request.status === 'accepted';
    lines.push({
      item: i,
      node: (
        <Box>
          <Box width={columns.due} flexShrink={0} marginRight={1} overflow="hidden">
            <Text wrap="truncate-end" dimColor={!row.overdue} bold={row.overdue} color={row.overdue ? tone('red') : undefined}>
              {row.due}
            </Text>
          </Box>
          <Box width={columns.status} flexShrink={0} marginRight={1} overflow="hidden">
            <Text wrap="truncate-end" bold={!accepted} color={accepted ? tone('green') : row.request.status === 'rejected' ? tone('yellow') : undefined}>
              {row.request.status}
            </Text>
          </Box>
          <Cell width={columns.question} dim={accepted}>
            {accepted ? `✓ ${row.question}` : row.question}
          </Cell>
        </Box>
      ),
    });
    lines.push({
      item: i,
      node: (
        <Box width={width - 2} paddingLeft={2}>
          <Text dimColor wrap="truncate-end">
            {row.request.id} · {row.where}
          </Text>
        </Box>
      ),
    });
  });
  return lines;
}
