/**
 * A mistake the user can fix (a wrong flag, a broken file, a held lock). The CLI prints
 * its message as one sentence, with no stack trace, and exits with its code.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** 1: the input has problems; 2: the command could not run as asked. */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
