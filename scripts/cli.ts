/**
 * What every command line here shares: `--help` prints the usage and exits 0; a wrong argument prints
 * the reason and the usage on stderr and exits 2; a failure to do the work exits 1 with one line.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

let program = { name: 'coursepulse', usage: '' };

/** Reads the arguments of the command `name`, or exits: 0 after `--help`, 2 on a wrong argument. */
export function readArgs<O extends Options>(
  name: string,
  usage: string,
  options: O,
  argv = process.argv.slice(2),
) {
  program = { name, usage };
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage.trimEnd()}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

/** A wrong argument: the reason and the usage on stderr, exit 2. */
export function usageError(reason: string): never {
  process.stderr.write(`${program.name}: ${reason}\n${program.usage.trimEnd()}\n`);
  process.exit(2);
}

/** The work could not be done: one line on stderr, exit 1. */
export function fail(reason: string): never {
  process.stderr.write(`${program.name}: ${reason}\n`);
  process.exit(1);
}

/** An ISO time (or anything Date.parse reads) given as `flag`, as epoch ms. */
export function timeArg(flag: string, value: string): number {
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : usageError(`${flag} is not a date: "${value}"`);
}
