import { useState } from 'react';
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';

/** One labelled text field that refuses an empty answer. */
export function NameForm({ title, label, onSubmit }: { title: string; label: string; onSubmit: (value: string) => void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState('');
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Box marginTop={1}>
        <Text>{label}: </Text>
        <TextInput
          value={value}
          onChange={(v) => {
            setValue(v);
            setProblem('');
          }}
          onSubmit={(v) => (v.trim() ? onSubmit(v.trim()) : setProblem('Type a name first, or press Esc to go back.'))}
        />
      </Box>
      {problem ? <Text color="yellow">{problem}</Text> : null}
    </Box>
  );
}
