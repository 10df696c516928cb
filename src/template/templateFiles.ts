/** The template files of a templates folder: briefs in templates/*.hbs, partials in templates/partials/*.hbs. */
import fs from 'node:fs';
import path from 'node:path';

export interface TemplateFile {
  /** Template or partial name: the file name without ".hbs". */
  name: string;
  absolutePath: string;
  /** Path for messages, e.g. "templates/partials/header.hbs". */
  displayPath: string;
}

export function listTemplateFiles(folder: string, displayFolder: string, required: boolean): TemplateFile[] {
  if (!required && !fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .map((entry) => entry.name)
    .sort()
    .map((fileName) => ({
      name: fileName.slice(0, -'.hbs'.length),
      absolutePath: path.join(folder, fileName),
      displayPath: path.posix.join(displayFolder, fileName),
    }));
}
