/**
 * The plan's text view and the help draw markdown with marked-terminal. A detail written
 * as a `|-` block (docs/examples/example-bank.yaml) becomes hard line breaks in the
 * markdown export, which marked-terminal draws as carriage returns: the lines overwrote
 * each other on screen. Each is now a new line at the item's hanging indent.
 */
import { describe, expect, it } from 'vitest';
import { mdBlock } from '../../src/export/markdown-text.js';
import { loadMarkdown } from '../../src/ui/markdown.js';

describe('hard line breaks in the terminal markdown', () => {
  it('start new lines under the text of the item, nothing overwritten or lost', async () => {
    const render = await loadMarkdown();
    const detail = "Turn on card-number masking in the chat widget and the help desk's\nsensitive-data detection for notes. Run it once over the existing history,\nthen check a new sample a month later.";
    const source = `- [ ] **Mask card numbers** — effort M\n  - How: ${mdBlock(detail, '    ')}\n  - Why: removes risk 3\n`;
    const out = render(source, 100);
    expect(out).not.toContain('\r');
    expect(out.split('\n')).toEqual([
      '  * Mask card numbers — effort M',
      "    * How: Turn on card-number masking in the chat widget and the help desk's",
      '      sensitive-data detection for notes. Run it once over the existing history,',
      '      then check a new sample a month later.',
      '    * Why: removes risk 3',
    ]);
  });

  it('wrap each broken line at the width, keeping the indent', async () => {
    const render = await loadMarkdown();
    const out = render(`- How: ${mdBlock('one two three four five six seven\neight nine ten eleven twelve', '  ')}\n`, 30);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
    expect(out.replace(/\s+/g, ' ').trim()).toBe('* How: one two three four five six seven eight nine ten eleven twelve');
  });
});
