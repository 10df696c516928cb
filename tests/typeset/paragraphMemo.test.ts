/** The remembered paragraph layout gives exactly what setting the paragraph gives, as its own lines. */
import { describe, expect, it } from 'vitest';
import { setParagraph, type ParagraphStyle } from '../../src/typeset/paragraphLayout.js';
import { setParagraphMemo } from '../../src/typeset/paragraphMemo.js';
import type { Inline } from '../../src/document/model.js';

const content: Inline[] = [
  { text: 'نشرت الولايات المتحدة نحو 2500 جندي في العراق ضمن التحالف الدولي ضد تنظيم داعش، ' },
  { text: '3', cite: true },
  { text: ' وفق ما أعلنته وزارة الدفاع (Pentagon) في 2021.' },
];
const style: ParagraphStyle = { fontSize: 11, alignment: 'justify', digits: 'arab', tieLastWords: true };

describe('setParagraphMemo', () => {
  it('gives the lines setParagraph gives, for every width and style', () => {
    for (const width of [120, 250, 400]) {
      for (const variant of [style, { ...style, digits: 'latn' as const }, { ...style, bold: true }, { ...style, fontSize: 9 }]) {
        expect(setParagraphMemo(content, width, variant)).toEqual(setParagraph(content, width, variant));
      }
    }
  });

  it('gives each call its own line objects (the structure writer tells repeated lines apart by identity)', () => {
    const first = setParagraphMemo(content, 200, style);
    const second = setParagraphMemo(content, 200, style);
    expect(second).toEqual(first);
    first.forEach((line, i) => expect(second[i]).not.toBe(line));
  });

  it('sets a changed paragraph anew', () => {
    const before = setParagraphMemo(content, 200, style);
    const edited = [{ ...content[0]!, text: content[0]!.text.replace('2500', '3456') }, ...content.slice(1)];
    const after = setParagraphMemo(edited, 200, style);
    expect(after).toEqual(setParagraph(edited, 200, style));
    expect(after.map((line) => line.runs.map((run) => run.text).join(' '))).not.toEqual(before.map((line) => line.runs.map((run) => run.text).join(' ')));
  });
});
