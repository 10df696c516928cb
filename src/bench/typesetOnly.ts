/**
 * Child process of the bench: typesets briefs whose blocks the bench composed beforehand, and does
 * nothing else (no data, templates, site or writing). Its time is the floor under a cold build: what
 * typesetting the five PDFs costs a fresh process. Prints { startup, typeset } in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { briefs, type BriefId } from '../briefs/registry.js';
import { typesetBrief, type AsOfFields } from '../pipeline/renderBrief.js';
import type { Block, Digits } from '../document/model.js';

/** What the bench hands over, as JSON in a file. */
export interface ComposedBriefs {
  asOf: AsOfFields;
  digits: Digits;
  briefs: { id: BriefId; blocks: Block[] }[];
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: typesetOnly.js COMPOSED.json');
const composed = JSON.parse(readFileSync(file, 'utf8')) as ComposedBriefs;
const started = performance.now();
for (const { id, blocks } of composed.briefs) await typesetBrief(briefs[id], blocks, composed.asOf, composed.digits);
console.log(JSON.stringify({ startup: started, typeset: performance.now() - started }));
