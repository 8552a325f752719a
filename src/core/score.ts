/**
 * Scores, as SCORING.md defines them: exposure and visibility per journey x dimension,
 * per journey and overall, and progress. Pure: no I/O; `now` is given.
 *
 *   exposure   = 100 x sum_K w x e / sum_K w    (K: option or unknown; e = L / 4, unknown 1)
 *   visibility = 100 x sum_K w x k / sum_K w    (k: 1, 0.5, 0.25, unknown 0)
 *   overall X  = sum_j s(j) x X(j) / sum_j s(j) (journeys that have a figure X)
 *
 * Over each journey's effective answers: an organisation answer counts in every journey
 * it holds for. A figure with nothing under it is null, never 0.
 */
import type { Bank } from './bank-schema.js';
import { CONFIDENCE_FACTOR, UNKNOWN_LEVEL, assessmentItems, type AssessmentItem, type AssessmentItems } from './assessment-items.js';
import type { DimensionScore, Figures, Overall, Progress } from './report-schema.js';
import type { Assessment, Journey } from './workbook-schema.js';

/** Running sums for one scope; every figure is a ratio of two of them. */
class Tally {
  /** sum over K of w x 4e (exposure numerator, in quarters of w). */
  exposurePoints = 0;
  /** sum over K of w. */
  exposureWeight = 0;
  /** sum over K of w x k. */
  visibilityPoints = 0;
  /** sum over K of w. */
  visibilityWeight = 0;
  answered = 0;
  asked = 0;

  add(item: AssessmentItem): void {
    const w = item.question.weight;
    if (item.kind === 'option') {
      this.exposurePoints += w * item.option!.level;
      this.exposureWeight += w;
      this.visibilityPoints += w * CONFIDENCE_FACTOR[item.confidence!];
      this.visibilityWeight += w;
      this.answered++;
      this.asked++;
    } else if (item.kind === 'unknown') {
      this.exposurePoints += w * UNKNOWN_LEVEL;
      this.exposureWeight += w;
      this.visibilityWeight += w;
      this.asked++;
    }
  }

  figures(): Figures {
    return {
      exposure: this.exposureWeight > 0 ? (100 * this.exposurePoints) / (4 * this.exposureWeight) : null,
      visibility: this.visibilityWeight > 0 ? (100 * this.visibilityPoints) / this.visibilityWeight : null,
    };
  }
}

/** Sensitivity-weighted mean of the journeys' figures, skipping journeys without one. */
class WeightedMean {
  private sums = { exposure: 0, exposureWeight: 0, visibility: 0, visibilityWeight: 0 };

  add(figures: Figures, sensitivity: number): void {
    if (figures.exposure !== null) {
      this.sums.exposure += sensitivity * figures.exposure;
      this.sums.exposureWeight += sensitivity;
    }
    if (figures.visibility !== null) {
      this.sums.visibility += sensitivity * figures.visibility;
      this.sums.visibilityWeight += sensitivity;
    }
  }

  figures(): Figures {
    const s = this.sums;
    return {
      exposure: s.exposureWeight > 0 ? s.exposure / s.exposureWeight : null,
      visibility: s.visibilityWeight > 0 ? s.visibility / s.visibilityWeight : null,
    };
  }
}

function progressOf(answered: number, total: number): Progress {
  return { answered, total, ratio: total > 0 ? answered / total : null };
}

/** One journey's figures. */
export interface JourneyScores extends Figures {
  journey: Journey;
  progress: Progress;
  /** One per bank dimension, in bank order. */
  dimensions: DimensionScore[];
}

export interface Scores {
  journeys: JourneyScores[];
  overall: Overall;
  /** The organisation section's progress: organisation-wide questions with an organisation answer. */
  organisationProgress: Progress;
}

/** Scores from items already built (see `assessmentItems`), so a report builds them once. */
export function scoreItems(bank: Bank, items: AssessmentItems): Scores {
  const dimensionIndex = new Map(bank.dimensions.map((d, i) => [d.id, i]));
  const overallCells = bank.dimensions.map(() => new WeightedMean());
  const overallCounts = bank.dimensions.map(() => ({ answered: 0, asked: 0 }));
  const overall = new WeightedMean();
  let answered = 0;
  let total = 0;
  // The answers the room gives, each once: a journey's own questions and its overrides (the organisation's are added below).
  let ownAnswered = 0;
  let ownTotal = 0;

  const journeys = items.journeys.map(({ journey, sensitivity, items: journeyItems }): JourneyScores => {
    const whole = new Tally();
    const cells = bank.dimensions.map(() => new Tally());
    let journeyAnswered = 0;
    for (const item of journeyItems) {
      whole.add(item);
      const d = dimensionIndex.get(item.question.dimension);
      if (d !== undefined) cells[d]!.add(item);
      if (item.kind !== 'unanswered') journeyAnswered++;
      if (item.source !== 'organisation') {
        ownTotal++;
        if (item.kind !== 'unanswered') ownAnswered++;
      }
    }
    const dimensions = bank.dimensions.map((dimension, d): DimensionScore => {
      const cell = cells[d]!;
      const figures = cell.figures();
      overallCells[d]!.add(figures, sensitivity);
      overallCounts[d]!.answered += cell.answered;
      overallCounts[d]!.asked += cell.asked;
      return { dimensionId: dimension.id, ...figures, answered: cell.answered, asked: cell.asked };
    });
    const figures = whole.figures();
    overall.add(figures, sensitivity);
    answered += journeyAnswered;
    total += journeyItems.length;
    return { journey, ...figures, progress: progressOf(journeyAnswered, journeyItems.length), dimensions };
  });

  const organisationAnswered = items.organisation.filter((o) => o.kind !== 'unanswered').length;
  return {
    journeys,
    organisationProgress: progressOf(organisationAnswered, items.organisation.length),
    overall: {
      ...overall.figures(),
      progress: progressOf(answered, total),
      given: progressOf(organisationAnswered + ownAnswered, items.organisation.length + ownTotal),
      dimensions: bank.dimensions.map((dimension, d) => ({
        dimensionId: dimension.id,
        ...overallCells[d]!.figures(),
        ...overallCounts[d]!,
      })),
    },
  };
}

/** The scores of an assessment against a bank, as of `now` (staleness). */
export function scoreAssessment(bank: Bank, assessment: Assessment, now: Date): Scores {
  return scoreItems(bank, assessmentItems(bank, assessment, now));
}
