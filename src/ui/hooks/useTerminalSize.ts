import { useEffect, useState } from 'react';
import { useStdout } from 'ink';
import type { TerminalSize } from '../shell.js';

const sizeOf = (stdout: NodeJS.WriteStream): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 30 });

/**
 * The terminal's size, updated when it is resized. Streams that are not terminals
 * (tests) have no size: 80 columns and 30 rows are assumed, unless `fixed` is given.
 */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  const follow = fixed === undefined;
  useEffect(() => {
    if (!follow) return;
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, follow]);
  return fixed ?? size;
}
