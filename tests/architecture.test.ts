/**
 * The folders of src/ stack one way (README "Architecture", .dependency-cruiser.cjs): dependency-cruiser
 * reads every import and fails on one against the direction.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const depcruise = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(cwd: string): { violations: Violation[]; modules: number } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [depcruise, 'src', '--config', config, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    // depcruise exits non-zero when it finds violations; its report is still on stdout.
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: report.summary.violations, modules: report.summary.totalCruised };
}

describe('the folder rule', () => {
  it('holds for every import in src/', () => {
    const { violations, modules } = cruise(root);
    expect(modules).toBeGreaterThan(100);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('fails on an import against the direction and on a folder without a place (fixture)', () => {
    const { violations } = cruise(path.join(root, 'tests/fixtures/architecture'));
    expect(violations.map((v) => `${v.rule.name}: ${v.from}${v.to === v.from ? '' : ` → ${v.to}`}`).sort()).toEqual([
      'layer-validate: src/validate/wrongImport.ts → src/typeset/engine.ts',
      'no-unknown-folder-orphan: src/gadgets/unplaced.ts',
    ]);
  });
});
