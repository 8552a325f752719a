import type { ReactNode } from 'react';
import { Box, Text } from 'ink';

/**
 * One cell of a table row: a fixed width (or the rest of the row with `grow`), its
 * text cut to fit, never wrapped, so rows stay one line on any terminal width.
 */
export function Cell({
  width,
  grow,
  right,
  bold,
  dim,
  children,
}: {
  width?: number;
  grow?: boolean;
  right?: boolean;
  bold?: boolean;
  dim?: boolean;
  children: ReactNode;
}) {
  return (
    <Box
      {...(width !== undefined ? { width } : {})}
      flexGrow={grow ? 1 : 0}
      flexShrink={grow ? 1 : 0}
      flexBasis={grow ? 0 : undefined}
      justifyContent={right ? 'flex-end' : 'flex-start'}
      marginRight={1}
      overflow="hidden"
    >
      {typeof children === 'string' || typeof children === 'number' ? (
        <Text wrap="truncate-end" bold={bold} dimColor={dim}>
          {children}
        </Text>
      ) : (
        children
      )}
    </Box>
  );
}
