import { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';

/** One labelled text field that refuses an empty answer. */
export function NameForm({ title, label, onSubmit }: { title: string; label: string; onSubmit: (value: string) => void }) {
  const [value, setValue] = useState('');
  // Text typed or pasted in the same tick as Enter reaches onChange before the next
  // render; the ref holds it so Enter submits what was typed, not the stale prop.
  const latest = useRef('');
  const [problem, setProblem] = useState('');
  const submit = () => {
    const typed = latest.current.trim();
    if (typed) onSubmit(typed);
    else setProblem('Type a name first, or press Esc to go back.');
  };
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Box marginTop={1}>
        <Text>{label}: </Text>
        <TextInput
          value={value}
          onChange={(v) => {
            // A paste that ends in Enter arrives as one chunk holding the line break.
            const [line = '', ...rest] = v.split(/[\r\n]/);
            latest.current = line;
            setValue(line);
            setProblem('');
            if (rest.length > 0) submit();
          }}
          onSubmit={submit}
        />
      </Box>
      {problem ? <Text color="yellow">{problem}</Text> : null}
    </Box>
  );
}
