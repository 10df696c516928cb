import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root, whether this file runs from src/ (tests) or dist/ (CLI). */
export const packageRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

export const defaultDataDir = path.join(packageRoot, 'data');
export const defaultOutDir = path.join(packageRoot, 'out');
export const templatesDir = path.join(packageRoot, 'templates');
export const fontsDir = path.join(packageRoot, 'fonts');
