/**
 * The whole terminal for a full-screen program (the workbook and the presenter): the
 * alternate screen, as full-screen programs take it, given back as it was however the
 * program ends (its own end, or an exit on the way).
 */
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

/** Switches to the alternate screen; the function returned switches back (once, however often it is called). */
export function enterAlternateScreen(): () => void {
  const stdout = process.stdout;
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    process.off('exit', leave);
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.once('exit', leave);
  return leave;
}
