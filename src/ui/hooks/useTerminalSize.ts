import { useEffect, useState } from 'react';
import { useStdout } from 'ink';
import type { TerminalSize } from '../shell.js';

/**
 * The terminal's size, updated when it is resized. Streams that are not terminals
 * (tests) have no size: 80 columns and 30 rows are assumed, unless `fixed` is given.
 */
export function useTerminalSize(fixed?: TerminalSize): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 30 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout, fixed]);
  return fixed ?? size;
}
