import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDataFiles, loadDataset } from '../../src/load/index.js';
import { recordInputs } from '../../src/check/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefs-load-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadDataset', () => {
  it('reads only *.yaml / *.yml files, in name order, with paths relative to the display root', async () => {
    await writeFile(path.join(dir, 'b.yaml'), 'events: []\n');
    await writeFile(path.join(dir, 'a.yml'), 'as_of: 2024-01-31\n');
    await writeFile(path.join(dir, 'README.md'), '# not data\n');
    await mkdir(path.join(dir, 'nested.yaml'));
    const loaded = await loadDataset(dir, { displayRoot: path.dirname(dir) });
    const name = path.basename(dir);
    expect(loaded.dir).toBe(name);
    expect(loaded.files.map((file) => file.file)).toEqual([`${name}/a.yml`, `${name}/b.yaml`, `${name}/nested.yaml`]);
    expect(loaded.files[2]?.issues.map((issue) => issue.message)).toEqual(['is not a regular file']);
    expect(loaded.files[0]?.document?.toJS()).toEqual({ as_of: '2024-01-31' });
  });

  it('skips hidden files and editor lock files, follows symbolic links, and lists what the fingerprint hashes', async () => {
    await writeFile(path.join(dir, 'events.yaml'), 'events: []\n');
    await writeFile(path.join(dir, '.extra.yaml'), 'as_of: 2030-01-01\n');
    await writeFile(path.join(dir, '.events.yaml.swp'), 'swap');
    await symlink('user@host.4242:1700000000', path.join(dir, '.#events.yaml')); // Emacs' lock: dangling
    await writeFile(path.join(dir, 'target.txt'), 'as_of: 2024-01-31\n');
    await symlink(path.join(dir, 'target.txt'), path.join(dir, 'dataset.yaml'));
    await symlink(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.yaml'));
    const loaded = await loadDataset(dir, { displayRoot: dir });
    expect(loaded.files.map((file) => file.file)).toEqual(['dangling.yaml', 'dataset.yaml', 'events.yaml']);
    expect(loaded.files[0]?.issues.map((issue) => issue.message)).toEqual(['cannot be read (ENOENT)']);
    expect(loaded.files[1]?.document?.toJS()).toEqual({ as_of: '2024-01-31' });
    // The fingerprint sees the same names, and the linked file's content.
    expect(await listDataFiles(dir)).toEqual(['dangling.yaml', 'dataset.yaml', 'events.yaml']);
    const inputs = await recordInputs({ dataDir: dir, templatesDir: path.join(dir, 'none'), generatorVersion: '1', digits: 'latn' });
    expect(Object.keys(inputs.files)).toEqual(['data/dangling.yaml', 'data/dataset.yaml', 'data/events.yaml']);
    expect(inputs.files['data/dangling.yaml']).toBe('unreadable: ENOENT');
  });

  it('keeps positions: a node offset maps back to line and column', async () => {
    await writeFile(path.join(dir, 'f.yaml'), 'figures:\n  - id: fig_a\n    value: 12\n');
    const [file] = (await loadDataset(dir)).files;
    const node = file?.document?.getIn(['figures', 0, 'value'], true) as { range: [number, number, number] };
    expect(file?.lineCounter.linePos(node.range[0])).toEqual({ line: 3, col: 12 });
  });

  it('strips a byte-order mark', async () => {
    await writeFile(path.join(dir, 'bom.yaml'), '\uFEFFas_of: 2024-01-31\n');
    const [file] = (await loadDataset(dir)).files;
    expect(file?.issues).toEqual([]);
    expect(file?.document?.toJS()).toEqual({ as_of: '2024-01-31' });
  });

  it('reports duplicate keys as YAML errors instead of silently keeping one', async () => {
    await writeFile(path.join(dir, 'dup.yaml'), 'as_of: 2024-01-31\nas_of: 2024-02-01\n');
    const [file] = (await loadDataset(dir, { displayRoot: dir })).files;
    expect(file?.issues).toEqual([{ file: 'dup.yaml', line: 2, column: 1, path: '', message: 'YAML syntax error: Map keys must be unique' }]);
  });

  it('reports an empty folder', async () => {
    const loaded = await loadDataset(dir, { displayRoot: dir });
    expect(loaded.issues).toEqual([{ file: '.', line: 1, column: 1, path: '', message: 'no data files (*.yaml) in the data folder' }]);
  });

  it('never throws on hostile YAML (an alias bomb) — it becomes an issue later, at validation', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    await writeFile(path.join(dir, 'bomb.yaml'), `${bomb}\n`);
    await expect(loadDataset(dir)).resolves.toBeDefined();
  });
});
