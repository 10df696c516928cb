/**
 * What the layout comparison says about a change: one sentence a person can act on.
 */
import { describe, expect, it } from 'vitest';
import { compareLayout } from '../support/layoutCompare.js';

const dump = (...pages: string[][]) =>
  [`${pages.length} pages`, ...pages.flatMap((lines, p) => [`page ${p + 1} (595×842 pt)`, ...lines])].join('\n') + '\n';
const line = (y: number, text: string, x = '58–537', style = 'Amiri-Regular 11.5') => `y ${y}  x ${x}  ${style}  ${text}`;

describe('compareLayout', () => {
  const reference = dump(
    [line(100, 'العنوان', '400–537', 'Amiri-Bold 20'), line(140, 'بلغ العدد 1257 عنصرا'), line(160, 'سطر ثالث'), line(180, 'سطر رابع')],
    [line(100, 'الصفحة الثانية')],
  );

  it('says nothing when the dumps are identical', () => {
    expect(compareLayout(reference, reference)).toEqual([]);
  });

  it('names the changed number and its line', () => {
    const actual = reference.replace('1257', '1300');
    expect(compareLayout(reference, actual)).toEqual(['page 1, line 2: 1257 → 1300']);
  });

  it('reports lines that moved together once', () => {
    const actual = reference.replace('y 160', 'y 172').replace('y 180', 'y 192');
    expect(compareLayout(reference, actual)).toEqual(['page 1, lines 3–4 moved 12 pt down']);
  });

  it('reads a shift that rounds to 12 on some lines and 13 on others as one move', () => {
    const actual = reference.replace('y 160', 'y 172').replace('y 180', 'y 193');
    expect(compareLayout(reference, actual)).toEqual(['page 1, lines 3–4 moved 12–13 pt down']);
  });

  it('names the code points when only the order of marks changed (the text looks the same)', () => {
    const before = dump([line(100, 'مصر\u0651\u064Eح')]);
    const after = dump([line(100, 'مصر\u064E\u0651ح')]);
    expect(compareLayout(before, after)).toEqual([
      'page 1, line 1: مصر\u0651\u064Eح → مصر\u064E\u0651ح (marks U+0651 U+064E → U+064E U+0651)',
    ]);
  });

  it('reports a change of font or size', () => {
    const actual = reference.replace('Amiri-Bold 20', 'Amiri-Bold 18');
    expect(compareLayout(reference, actual)).toEqual(['page 1, line 1: style Amiri-Bold 20 → Amiri-Bold 18']);
  });

  it('follows lines pushed onto the next page', () => {
    const actual = dump(
      [line(100, 'العنوان', '400–537', 'Amiri-Bold 20'), line(140, 'بلغ العدد 1257 عنصرا')],
      [line(100, 'سطر ثالث'), line(120, 'سطر رابع'), line(140, 'الصفحة الثانية')],
    );
    expect(compareLayout(reference, actual)).toEqual(['page 1, lines 3–4 → page 2, lines 1–2', 'page 2, line 3 moved 40 pt down']);
  });

  it('reports added and removed lines and pages', () => {
    const actual = dump([line(100, 'العنوان', '400–537', 'Amiri-Bold 20'), line(140, 'بلغ العدد 1257 عنصرا'), line(160, 'سطر ثالث')]);
    expect(compareLayout(reference, actual)).toEqual([
      '2 pages → 1 pages',
      'page 1, line 4 removed: سطر رابع',
      'page 2, line 1 removed: الصفحة الثانية',
    ]);
  });
});
