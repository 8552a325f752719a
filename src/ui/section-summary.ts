/**
 * What the end of a walk shows the room: for a journey, its exposure and visibility, the
 * Fix items it feeds most, its unknowns and the Find-out items they call for, its
 * disagreements and the parking-lot questions raised in it; for the organisation-wide
 * section, the same over the organisation answers. Computed from the report's parts
 * alone (a report, or the same parts built without the rest: src/core/summary-parts.ts),
 * so it says what the exports say. Pure: no React.
 */
import type { Horizon, Progress } from '../core/report-schema.js';
import type { SummaryParts } from '../core/summary-parts.js';
import { BAND_COLOURS, BAND_WORDS, SHADES, band, type Measure } from './score-bands.js';

/** A Fix item and how much of its risk removed this section's answers feed. */
export interface SummaryFix {
  id: string;
  rank: number;
  title: string;
  horizon: Horizon;
  /** The sum of the contributions of this section's answers to the item's R. */
  fed: number;
  /** R: the item's whole risk removed, every journey and the organisation together. */
  riskRemoved: number;
}

/** A Find-out item this section's unknowns call for. */
export interface SummaryFindOut {
  id: string;
  rank: number;
  title: string;
  owner: string;
  /** The risk of this section's unknowns behind it. */
  fed: number;
}

/** A disputed answer of this section. */
export interface SummaryDispute {
  questionId: string;
  questionPrompt: string;
  /** The option the answer settled on; null for "we don't know". */
  optionLabel: string | null;
  by: string;
}

/** An open parking-lot question raised on a question of this section. */
export interface SummaryParked {
  id: string;
  text: string;
  owner: string;
  due: string | null;
  overdue: boolean;
  questionPrompt: string | null;
}

export interface SectionSummary {
  kind: 'journey' | 'organisation';
  /**
   * A journey's exposure and visibility (null each when nothing is scored yet). null for
   * the organisation-wide section: the model scores journeys, and an organisation answer
   * counts in the score of every journey it holds for, so the section has no score of its
   * own; its summary shows counts (answered, unknown) instead of inventing one.
   */
  figures: { exposure: number | null; visibility: number | null } | null;
  progress: Progress;
  /** This section's answers that are "we don't know". */
  unknowns: number;
  /** The Fix items this section feeds, the most fed first (rank breaks a tie); at most FIX_SHOWN. */
  fixes: SummaryFix[];
  /** How many Fix items this section feeds at all. */
  fixesFed: number;
  /** The Find-out items this section's unknowns call for, the most fed first (rank breaks a tie). */
  findOut: SummaryFindOut[];
  /** This section's disputed answers, in the report's (bank) order. */
  disputed: SummaryDispute[];
  /** The open parking-lot questions raised on this section's questions, oldest first. */
  parked: SummaryParked[];
}

/** The Fix items the summary names: "the three it feeds most". */
export const FIX_SHOWN = 3;

/**
 * Whether a plan reason or a report answer belongs to the section: a journey's own
 * answers and overrides (journeyId null: the organisation answers). An organisation
 * answer that holds for a journey is the organisation section's, not the journey's: its
 * risk is counted once, for the organisation, and the journey's walk did not give it.
 */
const inSection = (journeyId: string | null) => (x: { scope: 'journey' | 'organisation'; journeyId: string | null }) =>
  journeyId === null ? x.scope === 'organisation' : x.scope === 'journey' && x.journeyId === journeyId;

/** What the end of the walk of `journeyId` (null: the organisation-wide section) shows. */
export function sectionSummary(report: SummaryParts, journeyId: string | null): SectionSummary {
  const mine = inSection(journeyId);
  const fedBy = (reasons: readonly { scope: 'journey' | 'organisation'; journeyId: string | null; contribution: number }[]) =>
    reasons.filter(mine).reduce((sum, r) => sum + r.contribution, 0);
  const mostFed = <T extends { fed: number; rank: number }>(items: T[]) => items.filter((i) => i.fed > 0).sort((a, b) => b.fed - a.fed || a.rank - b.rank);

  const fixes = mostFed(report.plan.map((p) => ({ id: p.id, rank: p.rank, title: p.title, horizon: p.horizon, fed: fedBy(p.reasons), riskRemoved: p.riskRemoved })));
  const findOut = mostFed(report.findOut.map((f) => ({ id: f.id, rank: f.rank, title: f.title, owner: f.owner, fed: fedBy(f.reasons) })));
  const answers = report.answers.filter(mine);
  const disputed = answers.filter((a) => a.confidence === 'disputed');
  const parked = report.parkingLot.filter((p) => (journeyId === null ? p.journeyId === null && p.questionId !== null : p.journeyId === journeyId));

  let figures: SectionSummary['figures'] = null;
  let progress = report.organisation.progress;
  if (journeyId !== null) {
    const journey = report.journeys.find((j) => j.id === journeyId);
    if (!journey) throw new Error(`The report has no journey "${journeyId}".`);
    figures = { exposure: journey.exposure, visibility: journey.visibility };
    progress = journey.progress;
  }
  return {
    kind: journeyId === null ? 'organisation' : 'journey',
    figures,
    progress,
    unknowns: answers.filter((a) => a.kind === 'unknown').length,
    fixes: fixes.slice(0, FIX_SHOWN),
    fixesFed: fixes.length,
    findOut,
    disputed: disputed.map((a) => ({ questionId: a.questionId, questionPrompt: a.questionPrompt, optionLabel: a.optionLabel, by: a.by })),
    parked: parked.map((p) => ({ id: p.id, text: p.text, owner: p.owner, due: p.due, overdue: p.overdue, questionPrompt: p.questionPrompt })),
  };
}

/** A figure of the summary, drawn large (block digits) or plain. */
export interface SummaryFigure {
  /** What is drawn large: digits, '/' or '—'. */
  text: string;
  /** The results heat map's shade of the score's band; '' for a count, or a score not computed yet. */
  shade: string;
  /** The band's colour name ('' for none): colour only repeats what the shade and the words say. */
  colour: string;
  bold: boolean;
  /** The words beside the large figure, one a line: its name, what it means. */
  labels: readonly string[];
  /** The figure on one line, for a terminal too small for block digits. */
  plain: string;
}

const MEANS: Record<Measure, string> = { exposure: '0-100, higher is worse', visibility: '0-100, lower is worse' };
const NAME: Record<Measure, string> = { exposure: 'Exposure', visibility: 'Visibility' };

function scoreFigure(measure: Measure, figure: number | null): SummaryFigure {
  const b = band(measure, figure);
  if (b === undefined || figure === null) {
    return { text: '—', shade: '', colour: '', bold: false, labels: [NAME[measure], 'nothing scored yet'], plain: `${NAME[measure]} — nothing scored yet` };
  }
  const text = String(Math.round(figure));
  const word = BAND_WORDS[measure][b]!;
  return { text, shade: SHADES[b], colour: BAND_COLOURS[b], bold: b === 3, labels: [NAME[measure], word, MEANS[measure]], plain: `${NAME[measure]} ${text} ${SHADES[b]} ${word}` };
}

/**
 * The two figures of the summary: a journey's exposure and visibility, each with its
 * band's shade and word; for the organisation-wide section (no score of its own, see
 * SectionSummary.figures) the questions answered and the unknowns, as counts.
 */
export function summaryFigures(summary: SectionSummary): [SummaryFigure, SummaryFigure] {
  if (summary.figures) return [scoreFigure('exposure', summary.figures.exposure), scoreFigure('visibility', summary.figures.visibility)];
  const { answered, total } = summary.progress;
  const count = (text: string, labels: string[], plain: string): SummaryFigure => ({ text, shade: '', colour: '', bold: false, labels, plain });
  return [
    count(`${answered}/${total}`, ['Answered', 'organisation-wide', 'questions'], `Answered ${answered} / ${total}`),
    count(String(summary.unknowns), ['Unknown', 'answered', '"we don\'t know"'], `Unknown ${summary.unknowns}`),
  ];
}
