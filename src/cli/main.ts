import { parseArgs, type ParseArgsConfig } from 'node:util';
import { commands, type CommandName } from './commands.js';
import { UsageError, exitCodeFor, describeError, exitCodes } from './errors.js';
import { createOutput, type Output } from './output.js';
import { generatorVersion } from '../packageInfo.js';

const exitCodeHelp = `Exit codes: 0 success (check: out/ is up to date), 1 a data or template error (check: out/ is
stale), 2 a usage error, 3 a file or folder cannot be read or written, 4 another build holds the output
folder's lock, 130/143 interrupted (SIGINT/SIGTERM).`;

const globalHelp = `briefs — Arabic PDF briefs on the international coalition against ISIS in Iraq

Usage: briefs <command> [options]
       briefs --version | -v

Commands:
${Object.values(commands)
  .map((command) => `  ${command.name.padEnd(10)}${command.summary}`)
  .join('\n')}

Run "briefs <command> --help" for a command's options. Every command takes --json: one JSON document
on stdout, on success and on failure ({"ok": false, "error": {kind, message, problems}}).
${exitCodeHelp}`;

/** Runs the CLI and returns its exit code; never calls process.exit, so it is testable in-process. */
export async function main(argv: readonly string[], io: Output = createOutput()): Promise<number> {
  const [name, ...rest] = argv;
  const wantsJson = argv.includes('--json');
  /** A usage error, as one line on stderr and, with --json, as the one JSON document on stdout. */
  const usage = (message: string, help?: string): number => {
    if (wantsJson) io.out(JSON.stringify({ ok: false, error: describeError(new UsageError(message)) }, null, 2));
    io.err(help === undefined ? message : `${message}\n\n${help}`);
    return exitCodes.usage;
  };
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === undefined) return usage('briefs: missing command', globalHelp);
    io.out(globalHelp);
    return exitCodes.ok;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    io.out(wantsJson ? JSON.stringify({ ok: true, name: 'briefs', version: generatorVersion }) : generatorVersion);
    return exitCodes.ok;
  }
  if (!Object.hasOwn(commands, name)) {
    return usage(`briefs: unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.`);
  }
  const command = commands[name as CommandName];
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
    return usage(`briefs ${name}: ${(error as Error).message}`, wantsJson ? undefined : command.help);
  }
  if (values.help === true) {
    io.out(`${command.help}\n\n${exitCodeHelp}`);
    return exitCodes.ok;
  }
  try {
    return await command.run({ values, positionals, io, json: values.json === true });
  } catch (error) {
    const code = exitCodeFor(error);
    const description = describeError(error);
    if (values.json === true) io.out(JSON.stringify({ ok: false, error: description }, null, 2));
    // One line per problem; an error about a path or the call names the command first.
    io.err(code === exitCodes.dataOrTemplate ? description.message : `briefs ${name}: ${description.message}`);
    return code;
  }
}
