/**
 * The floor for the terminal benchmarks: the least an Ink app with one select list can
 * cost. Bundled exactly as cxray is (bench/lib/build.mjs copies scripts/build.mjs's
 * options), it starts, draws a list of five items (the last is "+ New assessment", the
 * string the start-up benchmark waits for in both programs), moves the selection on
 * arrow keys and quits on q / Esc / Ctrl-C. Nothing else is loaded.
 */
import { render, Box, Text, useApp, useInput } from 'ink';
import SelectInput from 'ink-select-input';

const items = ['Q4 workshop', 'Quarterly self-assessment', 'Outsourced agents review', 'Marketing ops', '+ New assessment'].map(
  (label) => ({ key: label, value: label, label }),
);

// BENCH_FLOOR_LINES=N draws N more lines of styled text above the list (bold, dim and
// coloured runs, like cxray's screens): the same program with a full screen, to tell
// what Ink itself pays per frame of that size from what cxray adds.
const fillerLines = Number(process.env.BENCH_FLOOR_LINES ?? 0);
const filler = Array.from({ length: fillerLines }, (_, i) => i);

function FloorApp() {
  const { exit } = useApp();
  useInput((input, key) => {
    if (input === 'q' || key.escape || (key.ctrl && input === 'c')) exit();
  });
  return (
    <Box flexDirection="column">
      <Text bold>floor · one select list</Text>
      {filler.map((i) => (
        <Text key={i} wrap="truncate-end">
          <Text bold>Line {i + 1}</Text> <Text dimColor>a dim run</Text> <Text color="green">██████</Text>
          <Text color="yellow">░░░░</Text> and plain words, as on a question screen
        </Text>
      ))}
      <Box marginTop={1}>
        <SelectInput items={items} onSelect={() => undefined} />
      </Box>
    </Box>
  );
}

const instance = render(<FloorApp />, { exitOnCtrlC: false });
await instance.waitUntilExit();
