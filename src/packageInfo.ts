import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './paths.js';

const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };

export const generatorName: string = manifest.name;
export const generatorVersion: string = manifest.version;
