/** The choices of a form field drawn as chips, packed into lines of the field's width. */

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ChipLine {
  chips: { value: string; text: string; cursor: boolean }[];
}

/** Chips packed into lines of `width` columns: "[x] voice  [ ] chat ..." (or "(•) crm" for a choice). */
export function chipLines(
  options: readonly ChoiceOption[],
  selected: readonly string[],
  cursor: number | undefined,
  width: number,
  single: boolean,
): ChipLine[] {
  const lines: ChipLine[] = [];
  let current: ChipLine = { chips: [] };
  let used = 0;
  options.forEach((o, i) => {
    const on = selected.includes(o.value);
    const mark = single ? (on ? '(•)' : '( )') : on ? '[x]' : '[ ]';
    // "›" marks the chip under the cursor, so it shows without colour or inverse video.
    const chip = `${cursor === i ? '›' : ' '}${mark} ${o.label}`.slice(0, Math.max(4, width - 2));
    const cost = chip.length + 1;
    if (used > 0 && used + cost > width) {
      lines.push(current);
      current = { chips: [] };
      used = 0;
    }
    current.chips.push({ value: o.value, text: chip, cursor: cursor === i });
    used += cost;
  });
  if (current.chips.length > 0 || lines.length === 0) lines.push(current);
  return lines;
}
