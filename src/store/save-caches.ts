/**
 * What one open workbook remembers between its saves, so that a save serialises and
 * validates only the objects that changed since (src/store/incremental.ts): at 50
 * journeys that is one answer, not 3300, on the main thread. One instance per store,
 * created when the store is opened (SafeFileAdapter): two stores, or two tests, never
 * share what they have seen.
 */
import { escapeJsonText, toJson } from '../core/json-text.js';
import { WorkbookSchema, type Workbook } from '../core/workbook-schema.js';
import { CachedJson, CachedValidator } from './incremental.js';
import { InvalidWorkbookInMemory, describeIssue, formatJsonPath } from './messages.js';

/** How long after a workbook is read its text starts being composed in the background. */
const WARM_AFTER_MS = 1000;

export class SaveCaches {
  private readonly json = new CachedJson(escapeJsonText);
  private readonly checked = new CachedValidator();
  /**
   * Until the text cache has been filled once (in the background: warm), a save uses
   * JSON.stringify, which writes the same bytes several times faster than composing
   * them with a cold cache (~7 ms instead of ~50 ms at 50 journeys).
   */
  private text: 'cold' | 'warming' | 'warm' = 'cold';

  /** Whether saves compose their text from the cache (it has been filled once). */
  get warmed(): boolean {
    return this.text === 'warm';
  }

  /**
   * A workbook the schema has just accepted, as read: the first save checks only what
   * changed since, and its text is composed in the background, in slices, once the
   * program has started (`afterMs` later): later saves then compose only what changed.
   */
  trustRead(workbook: Workbook, afterMs = WARM_AFTER_MS): void {
    this.checked.trust(WorkbookSchema, workbook);
    this.warm(workbook, afterMs);
  }

  /**
   * The bytes cxray writes for a workbook: pretty JSON (diffable, jq-friendly), one final
   * newline, with control, bidi and invisible characters escaped (escapeJsonText), so that
   * `cat`, an editor or a diff of the workbook shows them as what they are.
   */
  serialize(workbook: Workbook): Buffer {
    if (this.text === 'warm') return Buffer.from(this.json.stringify(workbook) + '\n', 'utf8');
    this.warm(workbook, 0);
    return Buffer.from(toJson(workbook) + '\n', 'utf8');
  }

  /** Checks a workbook about to be written; throws InvalidWorkbookInMemory (a bug elsewhere) if it fails the schema. */
  assertWritable(displayPath: string, workbook: Workbook): void {
    if (this.checked.isValid(WorkbookSchema, workbook)) return;
    // The whole schema again, for the message (the same as ever).
    const result = WorkbookSchema.safeParse(workbook, { reportInput: true });
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new InvalidWorkbookInMemory(displayPath, `${formatJsonPath(issue.path)} ${describeIssue(issue)}`);
    }
  }

  /** Fills the text cache from `workbook`, in 2 ms slices, `afterMs` from now (once). */
  private warm(workbook: Workbook, afterMs: number): void {
    if (this.text !== 'cold') return;
    this.text = 'warming';
    const later = (next: () => void) => void setTimeout(next, 0).unref();
    setTimeout(() => this.json.warm(workbook, later, 2, () => (this.text = 'warm')), afterMs).unref();
  }
}
