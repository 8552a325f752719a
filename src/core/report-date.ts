/**
 * The "now" of a report or a demo: the clock, unless SOURCE_DATE_EPOCH (seconds since
 * 1970, the reproducible-builds convention) fixes it, so that exports made in CI or for
 * a diff come out byte for byte the same. Pure: the environment and the clock are given.
 */
import { UserError } from './errors.js';

export function reportDate(env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return clock();
  if (!/^\d{1,12}$/.test(epoch)) {
    throw new UserError(`SOURCE_DATE_EPOCH is "${epoch}"; set it to whole seconds since 1970 (e.g. 1767225600) or unset it.`);
  }
  return new Date(Number(epoch) * 1000);
}
