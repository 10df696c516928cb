import { parseArgs, type ParseArgsConfig } from 'node:util';
import { commands, type CommandName } from './commands.js';
import { UsageError, exitCodeFor, describeError } from './errors.js';
import { createOutput } from './output.js';
import { generatorVersion } from '../packageInfo.js';

const globalHelp = `briefs — Arabic PDF briefs on the international coalition against ISIS in Iraq

Usage: briefs <command> [options]

Commands:
${Object.values(commands)
  .map((command) => `  ${command.name.padEnd(10)}${command.summary}`)
  .join('\n')}

Run "briefs <command> --help" for a command's options.
Exit codes: 0 success, 1 data or template error, 2 usage error.`;

/** Runs the CLI and returns its exit code; never calls process.exit, so it is testable in-process. */
export async function main(argv: readonly string[], io = createOutput()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(globalHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out(generatorVersion);
    return 0;
  }
  const command = commands[name as CommandName];
  if (!Object.hasOwn(commands, name) || command === undefined) {
    io.err(`briefs: unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.`);
    return 2;
  }
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    const options: ParseArgsConfig['options'] = {
      ...command.options,
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
    };
    ({ values, positionals } = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true }));
  } catch (error) {
    io.err(`briefs ${name}: ${(error as Error).message}\n\n${command.help}`);
    return 2;
  }
  if (values.help === true) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run({ values, positionals, io, json: values.json === true });
  } catch (error) {
    const code = exitCodeFor(error);
    if (values.json === true) io.out(JSON.stringify({ ok: false, error: describeError(error) }, null, 2));
    io.err(error instanceof UsageError ? `briefs ${name}: ${error.message}` : describeError(error).message);
    return code;
  }
}
