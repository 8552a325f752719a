import { scopeNamesOf } from '../../core/bank-words.js';
import { Fragment, useMemo, type ReactNode } from 'react';
import stringWidth from 'string-width';
import { Box, Text } from 'ink';
import type { Bank, Question } from '../../core/bank-schema.js';
import { helpWithControls } from '../../core/controls/question-controls.js';
import { evidenceStanding } from '../../core/evidence.js';
import { describePii, findPii } from '../../core/pii.js';
import { plainLine } from '../../core/terminal-text.js';
import type { Assessment } from '../../core/workbook-schema.js';
import type { AssessmentModel } from '../assessment-model.js';
import { latestSnapshot, staleText, staleness } from '../cycle-figures.js';
import { evidenceWords } from '../evidence-words.js';
import { checkEvidenceFilesNow } from '../../store/evidence-files.js';
import { useMarkdown } from '../markdown.js';
import { safeMarkdown } from '../../export/safe-markdown.js';
import { useParkPlace, useShell, useTone } from '../shell.js';
import { helpPageOf, noteRows, walkLayout } from '../walk-layout.js';
import { packSegments, wrapLines } from '../wrap-lines.js';
import { recent } from '../recent.js';
import { asksAboutSystems, systemsLines } from '../walk-systems.js';
import { givenBy, type ShownAnswer, type WalkSection } from '../walk-section.js';
import { answerRowOf, policyWords, spanAt, speakerWords, type DimensionSpan, type WalkState } from '../walk-state.js';
import { speakerRows, voteOptionRows, voteRecordLine, voteStatus } from '../vote-lines.js';
import { personText, speakers as speakersOf } from '../../core/participants.js';
import { NoteEditor } from './NoteEditor.js';
import { Paragraph } from './Paragraph.js';
import { Screen } from './Screen.js';
import { SelectList, type ListRow } from './SelectList.js';
import { WalkBars, WalkJump, WalkPrompt } from './WalkTop.js';

/** Between the parts of the confidence line. */
const ANSWER_SEPARATOR = '  ·  ';

/**
 * The line about where an answer comes from, on an organisation-wide question in a
 * journey's walk ('' otherwise): the organisation's answer and who gave it, an override
 * of it, or an override being answered.
 */
export function sourceLine(question: Question, shown: ShownAnswer, overriding: boolean, journey = 'journey'): string {
  if (shown.source === 'own') return '';
  const org = shown.organisation;
  const orgWords = org
    ? `${org.kind === 'option' ? plainLine(question.options.find((o) => o.id === org.optionId)?.label ?? org.optionId ?? '') : org.kind === 'unknown' ? "We don't know" : 'Not applicable'}${givenBy(org) ? `, ${plainLine(givenBy(org))}` : ''}`
    : 'not answered yet';
  if (shown.source === 'override') return `⇄ Override for this ${journey} · the organisation's answer: ${orgWords} · O drops it`;
  if (overriding) return `⇄ Answering for this ${journey} only (the organisation's answer: ${orgWords}) · o: leave it`;
  return `◆ Organisation-wide, the organisation's answer: ${orgWords} · o answers it for this ${journey} only`;
}

/**
 * An option's label in the walk's lines: wrapped under itself (a bank may write long
 * ones), "1  " then "   ". Drawn on every frame of the walk, so a label that fits is
 * not wrapped at all and the last few wrapped are kept (recent()).
 */
const optionLabelLines = recent(
  64,
  (text: string, width: number) => `${width}\u0000${text}`,
  (text: string, width: number): readonly string[] => {
    const room = width - 2 - 3 - 1;
    if (stringWidth(text) <= room) return [text];
    return wrapLines(text, room).map((line, n) => (n === 0 ? line : `   ${line}`));
  },
);

/**
 * One question of the walk: where it is, whether its answer is carried over or stale,
 * the prompt, the options (or the note editor), confidence, policy and the note, and
 * the question's help when asked for. Draws the state; the rows come from walkLayout.
 */
export function WalkQuestion({
  assessment,
  section,
  bank,
  model,
  questions,
  dimensions,
  state,
}: {
  assessment: Assessment;
  section: WalkSection;
  bank: Bank;
  model: AssessmentModel;
  questions: readonly Question[];
  dimensions: readonly DimensionSpan[];
  state: WalkState;
}) {
  const shell = useShell();
  const tone = useTone();
  const question = questions[state.index]!;
  // What Ctrl-P parks is raised on this question.
  useParkPlace({ journeyId: section.kind === 'journey' ? section.journeyId : null, questionId: question.id });
  const shown = section.shown(question);
  const overriding = state.overriding === question.id;
  // While an override is being answered, nothing is chosen yet: the organisation's answer is in the source line.
  const current = overriding ? undefined : shown.answer;
  const held = shown.source === 'organisation';
  // The bank's help in the safe subset (emphasis, lists, http(s) links with their address), the rest literal.
  const help = useMemo(() => helpWithControls({ references: question.references, help: question.help === undefined ? undefined : safeMarkdown(question.help, '', 'terminal') }), [question]);
  const renderedHelp = useMarkdown(help, Math.max(20, shell.size.columns - 4), shell.color, state.showHelp && !!help);

  const width = shell.size.columns;
  const dimension = bank.dimensions.find((d) => d.id === question.dimension);
  const inDimension = dimensions[spanAt(dimensions, state.index)];
  const draft = state.drafts[question.id];
  const confidence = current?.kind === 'option' ? current.confidence : current ? undefined : draft?.confidence;
  const policy = current ? current.policy : draft?.policy;
  const parked = current ? undefined : section.parked(question);
  const note = current?.note || parked?.text || '';
  const chosen = current ? answerRowOf(question, current) : -1;
  const mark = held ? "   ◆ the organisation's" : current?.carriedOver ? '   ↻ carried over' : '   ✓ answer';
  const people = speakersOf(assessment.facilitator, assessment.participants);
  const speaking = state.speaker ?? assessment.facilitator;
  const voters = assessment.participants.map((p) => p.name);
  const voting = state.mode === 'vote' && state.vote?.questionId === question.id ? state.vote : undefined;
  const choosing = state.mode === 'speaker';
  const optionLines = (text: string) => optionLabelLines(text, width);
  const answerRows: ListRow[] = [
    ...question.options.map((o, i) => {
      const label = `${i + 1}  ${plainLine(o.label)}${chosen === i ? mark : ''}`;
      const lines = optionLines(`${plainLine(o.label)}${chosen === i ? mark : ''}`).map((line, n) => (n === 0 ? `${i + 1}  ${line}` : line));
      return lines.length > 1 ? { key: o.id, label, lines } : { key: o.id, label };
    }),
    { key: '\u0000unknown', label: `u  We don't know${chosen === question.options.length ? mark : ''}` },
    { key: '\u0000na', label: `x  Not applicable${chosen === question.options.length + 1 ? mark : ''}` },
  ];
  const optionRows = choosing ? speakerRows(people, speaking) : voting ? voteOptionRows(question, voting) : answerRows;
  const statusLines = voting
    ? voteStatus(question, voting, voters, people, optionRows.some((r) => typeof r.label === 'string' && stringWidth(r.label) > width - 2), bank.levels)
    : choosing
      ? ['Who is speaking? 1-9 or ↑↓ and Enter: the next answers are theirs · Esc: no change']
      : current?.vote
        ? [voteRecordLine(question, current.vote, bank.levels)]
        : [];
  const answeredBy = current?.by ? personText(current.by, assessment.participants) : '';
  const speakerPerson = people.find((p) => p.name === speaking);
  const byText = current ? (answeredBy ? `By ${plainLine(answeredBy)}` : '') : speakerPerson && (state.speaker || assessment.participants.length > 0) ? `Answering: ${speakerWords(speakerPerson)}` : '';
  const carriedFrom = current?.carriedOver && !held ? plainLine(latestSnapshot(assessment)?.label ?? 'the last cycle') : undefined;
  // The evidence behind the answer shown: the organisation's where it holds.
  const evidenceJourney = section.kind === 'organisation' || held ? null : section.journeyId;
  const allEvidence = assessment.evidence;
  const answered = current !== undefined;
  const evidence = useMemo(
    () => (answered ? (allEvidence ?? []).filter((e) => e.journeyId === evidenceJourney && e.questionId === question.id) : []),
    [allEvidence, answered, evidenceJourney, question.id],
  );
  // Its files hashed again only when the evidence changes: one changed since it was accepted is flagged.
  const changedFiles = useMemo(() => [...checkEvidenceFilesNow(evidence).values()].filter((c) => c === 'changed').length, [evidence]);
  const standing = evidence.length > 0 ? evidenceStanding(evidence, current, question, shell.now().toISOString().slice(0, 10)) : 'none';
  // Current evidence keeps an old answer fresh.
  const stale = held || standing === 'current' ? undefined : staleness(current, question, shell.now());
  const source = sourceLine(question, shown, overriding, scopeNamesOf(bank).singular);
  const carriedText = carriedFrom ? `↻ carried over from "${carriedFrom}" — Enter keeps it, or choose another answer` : '';
  const staleLine = stale
    ? `! ${staleText(stale)}: it counts as reported at best until answered again`
    : standing === 'lapsed'
      ? '! its evidence has expired: it counts as reported at best until new evidence is added (e)'
      : changedFiles > 0
        ? `! ${changedFiles === 1 ? 'an evidence file has' : `${changedFiles} evidence files have`} changed since accepted: e lists the evidence to look again`
        : '';
  const prompt = plainLine(question.prompt);
  const editing = state.mode === 'note' && state.note !== undefined;
  const piiInNote = state.note ? findPii(state.note.text.value) : [];
  const noteLabel = parked ? 'Note, parked until answered ' : 'Note ';
  const rows = note ? noteRows(noteLabel, note, width) : [];
  const context = asksAboutSystems(bank, question) ? systemsLines(assessment, section.kind === 'journey' ? section.journeyId : null, scopeNamesOf(bank)) : [];
  const jumping = state.mode === 'jump' && state.jump !== undefined;
  const position = `${state.index + 1} of ${questions.length} ${section.kind === 'journey' ? `in the ${scopeNamesOf(bank).singular}` : 'organisation-wide'}${
    section.hidden > 0 && !state.showOrganisation ? ` (w shows ${section.hidden} organisation-wide)` : ''
  }${held ? " · the organisation's" : shown.source === 'override' && current ? ' · overridden' : current ? (current.carriedOver ? ' · carried over' : ' · answered') : ''} · ${plainLine(dimension?.title ?? question.dimension)}, question ${
    state.index - (inDimension?.first ?? 0) + 1
  } of ${inDimension?.count ?? 1}`;
  // The confidence line's parts, each kept whole: a line too long goes on under itself.
  const answerParts: { plain: string; node: ReactNode }[] = [
    {
      plain: `Confidence ${standing === 'current' ? 'verified' : (confidence ?? (current ? '—' : 'reported (default)'))}`,
      node: (
        <>
          <Text dimColor>Confidence </Text>
          <Text bold>{standing === 'current' ? 'verified' : (confidence ?? (current ? '—' : 'reported (default)'))}</Text>
        </>
      ),
    },
    {
      plain: `Documented on paper ${policyWords(policy)}`,
      node: (
        <>
          <Text dimColor>Documented on paper </Text>
          <Text bold>{policyWords(policy)}</Text>
        </>
      ),
    },
    ...(draft && !current ? [{ plain: 'kept until answered', node: <Text dimColor>kept until answered</Text> }] : []),
    ...(evidence.length > 0
      ? [{ plain: evidenceWords(evidence.length, standing).replace(/^e/, 'E'), node: <Text color={standing === 'lapsed' ? tone('yellow') : undefined}>{evidenceWords(evidence.length, standing).replace(/^e/, 'E')}</Text> }]
      : []),
    ...(byText ? [{ plain: byText, node: <Text dimColor>{byText}</Text> }] : []),
  ];
  const answerLines = packSegments(
    answerParts.map((p) => stringWidth(p.plain)),
    width - 1,
    ANSWER_SEPARATOR.length,
  );
  const layout = walkLayout({
    columns: width,
    rows: shell.size.rows,
    marks: [source, carriedText, staleLine, ...statusLines],
    prompt,
    optionRows: optionRows.reduce((n, r: ListRow) => n + (r.lines?.length ?? 1), 0),
    editing,
    piiWarning: piiInNote.length > 0,
    asking: state.prompt !== undefined,
    message: state.message ?? false,
    jumping,
    noteLines: rows.length,
    wholeNote: state.wholeNote === true,
    contextLines: context.length,
    position,
    answerLines: answerLines.length,
    helpLines: state.showHelp && state.mode === 'answer' ? (help && renderedHelp !== undefined ? renderedHelp.split('\n').length : 1) : undefined,
  });
  const helpPage = state.helpPage?.questionId === question.id ? state.helpPage.page : 0;
  const hiddenNote = rows.length - layout.noteShown;
  const { gap } = layout;
  const chosenLabel =
    chosen < 0 ? 'unanswered' : chosen < question.options.length ? `${chosen + 1}  ${plainLine(question.options[chosen]!.label)}` : chosen === question.options.length ? "We don't know" : 'Not applicable';

  return (
    <Screen
      trail={[assessment.name, section.title]}
      scope={editing ? 'note' : jumping ? 'jump' : choosing ? 'speaker' : voting ? 'vote' : 'walk'}
      digits={choosing ? people.length : question.options.length}
    >
      <WalkBars section={section} all={model.total} scope={scopeNamesOf(bank)} />
      <Box flexShrink={0}>
        <Paragraph dim text={position} width={width - 1} />
      </Box>
      {source ? (
        <Box flexShrink={0}>
          <Paragraph bold={!held} color={tone(held ? 'magenta' : 'yellow')} text={source} width={width - 1} />
        </Box>
      ) : null}
      {carriedText ? (
        <Box flexShrink={0}>
          <Paragraph bold color={tone('cyan')} text={carriedText} width={width - 1} />
        </Box>
      ) : null}
      {staleLine ? (
        <Box flexShrink={0}>
          <Paragraph color={tone('yellow')} text={staleLine} width={width - 1} />
        </Box>
      ) : null}
      <Box marginTop={gap} flexShrink={0}>
        <Paragraph bold text={prompt} width={width} />
      </Box>
      {context.slice(0, layout.contextShown).map((line, i) => (
        <Box key={i} flexShrink={0}>
          <Text dimColor wrap="truncate-end">
            {line}
          </Text>
        </Box>
      ))}
      <Box marginTop={gap} flexShrink={0}>
        {editing ? (
          <Text wrap="truncate-end">
            <Text dimColor>Answer </Text>
            {chosenLabel}
          </Text>
        ) : (
          <SelectList rows={optionRows} index={choosing ? (state.speakerRow ?? 0) : state.highlight} height={layout.optionsHeight} />
        )}
      </Box>
      {statusLines.map((line, i) => (
        <Box key={`status${i}`} flexShrink={0}>
          <Paragraph bold={i === 0 && !current?.vote} color={voting || choosing ? tone(voting ? 'yellow' : 'cyan') : undefined} text={line} width={width - 1} />
        </Box>
      ))}
      <Box marginTop={gap} flexDirection="column" flexShrink={0}>
        {answerLines.map((line, n) => (
          <Text key={n} wrap="truncate-end">
            {line.map((i, k) => (
              <Fragment key={i}>
                {k > 0 ? <Text dimColor>{ANSWER_SEPARATOR}</Text> : null}
                {answerParts[i]!.node}
              </Fragment>
            ))}
          </Text>
        ))}
      </Box>
      {editing && state.note ? (
        <Box flexDirection="column" flexShrink={0}>
          <NoteEditor state={state.note.text} width={width} height={layout.noteHeight} label="Note · Enter new line · Ctrl-S save · Esc leave" />
          {piiInNote.length > 0 ? (
            <Text color={tone('yellow')} bold wrap="wrap">
              ! This looks like customer data: {describePii(piiInNote)}. Ctrl-R masks it.
            </Text>
          ) : null}
        </Box>
      ) : (
        <Box flexDirection="column" flexShrink={0}>
          {note ? (
            rows.slice(0, layout.noteShown).map((row, i) => {
              const last = i === layout.noteShown - 1 && hiddenNote > 0;
              const text = i === 0 ? row.slice(noteLabel.trimEnd().length) : row;
              return (
                <Box key={i}>
                  <Box flexShrink={1}>
                    <Text wrap="truncate-end">
                      {i === 0 ? <Text dimColor>{noteLabel.trimEnd()}</Text> : null}
                      {text}
                    </Text>
                  </Box>
                  {last ? (
                    <Box flexShrink={0}>
                      <Text dimColor>{`  +${hiddenNote} ${hiddenNote === 1 ? 'line' : 'lines'}${state.wholeNote ? ' (n to read all)' : ' (N shows all)'}`}</Text>
                    </Box>
                  ) : null}
                </Box>
              );
            })
          ) : (
            <Text wrap="truncate-end">
              <Text dimColor>{noteLabel}</Text>
              <Text dimColor>— (n to write one)</Text>
            </Text>
          )}
        </Box>
      )}
      <WalkJump jump={jumping ? state.jump : undefined} />
      {state.message ? (
        <Box flexShrink={0}>
          <Paragraph color={tone('cyan')} text={state.message} width={width - 1} />
        </Box>
      ) : null}
      <WalkPrompt prompt={state.prompt} note={state.note?.text.value ?? ''} />
      {state.showHelp && state.mode === 'answer' && layout.helpHeight > 0 ? (
        <Box marginTop={gap} flexDirection="column" height={layout.helpHeight} flexShrink={0} overflow="hidden">
          {!help ? (
            <Text dimColor>This question has no help text.</Text>
          ) : renderedHelp === undefined ? (
            <Text dimColor>Loading the help…</Text>
          ) : (
            <HelpLines text={renderedHelp} height={layout.helpHeight} page={helpPage} />
          )}
        </Box>
      ) : null}
    </Screen>
  );
}

/**
 * The rendered help in `height` rows; when it is longer, one page of it (`page`, counted
 * from 0, wrapping after the last) and a line saying which lines these are and that Space
 * shows the next ones.
 */
function HelpLines({ text, height, page }: { text: string; height: number; page: number }) {
  const lines = text.split('\n');
  if (lines.length <= height) return <Text wrap="wrap">{text}</Text>;
  const { start, end, last } = helpPageOf(lines.length, height, page);
  return (
    <>
      <Text wrap="truncate-end">{lines.slice(start, end).join('\n')}</Text>
      <Text dimColor wrap="truncate-end">
        Help lines {start + 1}-{end} of {lines.length} · Space: {last ? 'from the top again' : 'the next lines'} · h hides it
      </Text>
    </>
  );
}
