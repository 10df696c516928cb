/**
 * Waits (polling) until `condition` holds; fails after `seconds` rather than hanging, with what the
 * process under test said so far (`context`), for the end-to-end tests of long-running commands.
 */
export async function until(condition: () => boolean | Promise<boolean>, seconds: number, context: () => string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not reached in ${seconds} s; stderr so far:\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
