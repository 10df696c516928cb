import { describe, expect, it } from 'vitest';
import { escapeXml, infoDictionary, xmpPacket, type DocumentMetadata } from '../../src/document/metadata.js';
import { typesetDocument, typesetPlainText } from '../../src/typeset/index.js';
import { openPdf, parseXmp, xmpOf } from '../support/pdfObjects.js';

const hostile = `تحالف & <شركاء> "قوسان" 'مفرد' — A&B <x>`;
const meta: DocumentMetadata = {
  title: hostile,
  subject: `ملخص ${hostile}`,
  author: `مؤلف & شركاه`,
  keywords: ['داعش', `<&>"'`],
  language: 'ar',
  creator: 'coalition-briefs 9.9.9',
  producer: 'typesetter & co',
  date: '2023-10-31',
  edition: { id: 'abcd2345', documentId: 'urn:coalition-briefs:history' },
  pdfa: { part: 3, conformance: 'B' },
};

describe('document metadata (Info and XMP from one record)', () => {
  it('escapes the five XML specials and replaces characters XML cannot hold', () => {
    expect(escapeXml(`& < > " '`)).toBe('&amp; &lt; &gt; &quot; &apos;');
    expect(escapeXml('a\u0001b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    expect(escapeXml('التحالف')).toBe('التحالف');
  });

  it('writes an XMP packet that a real XML parser reads back to the same values as the Info dictionary', () => {
    const { values } = parseXmp(xmpPacket(meta));
    const info = infoDictionary(meta);
    expect(values['dc:title']).toBe(info.title);
    expect(values['dc:description']).toBe(info.subject);
    expect(values['dc:creator']).toBe(info.author);
    expect(values['pdf:Keywords']).toBe(info.keywords);
    expect(values['xmp:CreatorTool']).toBe(info.creator);
    expect(values['pdf:Producer']).toBe(info.producer);
    expect(values['xmp:CreateDate']).toBe('2023-10-31T00:00:00Z');
    expect(values['xmp:ModifyDate']).toBe('2023-10-31T00:00:00Z');
    expect(info.creationDate.toISOString()).toBe('2023-10-31T00:00:00.000Z');
    expect(values['dc:language']).toBe('ar');
    expect(values['pdfaid:part']).toBe('3');
    expect(values['pdfaid:conformance']).toBe('B');
    expect(values['xmpMM:VersionID']).toBe('abcd2345');
  });

  it('identifies PDF/UA-1 only when asked, describing the pdfuaid schema as a PDF/A extension schema', () => {
    const plain = parseXmp(xmpPacket(meta)).values;
    expect(plain['pdfuaid:part']).toBeUndefined();
    expect(plain['pdfaSchema:prefix']).toBeUndefined();
    const { values } = parseXmp(xmpPacket({ ...meta, pdfua: { part: 1 } }));
    expect(values['pdfuaid:part']).toBe('1');
    expect(values['pdfaSchema:namespaceURI']).toBe('http://www.aiim.org/pdfua/ns/id/');
    expect(values['pdfaSchema:prefix']).toBe('pdfuaid');
    expect(values['pdfaProperty:name']).toBe('part');
    expect(values['pdfaProperty:valueType']).toBe('Integer');
    expect(values['pdfaProperty:category']).toBe('internal');
  });

  it('hostile title and source name (& < > " \' and Arabic) in a typeset PDF: the XMP parses, Info and XMP agree', async () => {
    const { bytes } = await typesetDocument({
      title: hostile,
      subject: `المصدر: ${hostile}`,
      author: `"وكالة" & <نشر>`,
      keywords: ['داعش', hostile],
      asOf: '2023-10-31',
      footerNote: 'البيانات حتى 31 أكتوبر/تشرين الأول 2023',
      digits: 'latn',
      blocks: [{ kind: 'paragraph', content: [{ text: `بحسب ${hostile}` }] }],
    });
    const { values } = parseXmp(xmpOf(bytes));
    const info = openPdf(bytes).getTrailer().get('Info');
    expect(values['dc:title']).toBe(hostile);
    expect(info.get('Title').asString()).toBe(hostile);
    expect(values['dc:creator']).toBe(info.get('Author').asString());
    expect(values['dc:description']).toBe(info.get('Subject').asString());
    expect(values['pdf:Keywords']).toBe(info.get('Keywords').asString());
    expect(values['xmp:CreatorTool']).toBe(info.get('Creator').asString());
    expect(values['pdf:Producer']).toBe(info.get('Producer').asString());
    expect(info.get('CreationDate').asString()).toBe('D:20231031000000Z');
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
  });

  it('briefs typeset: a first line (the title) with "&" gives valid XMP', async () => {
    const { bytes } = await typesetPlainText(`${hostile}\nسطر ثانٍ`, { digits: 'latn' });
    expect(parseXmp(xmpOf(bytes)).values['dc:title']).toBe(hostile);
  });
});
