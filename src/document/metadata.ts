/**
 * A PDF's document metadata, in one place: the Info dictionary and the XMP packet are made from the
 * same record, so they agree by construction (PDF/A-3, ISO 19005-3 clause 6.6.2.3: every Info entry
 * with an XMP equivalent must match it), and every value is XML-escaped (pdfkit 0.19.1 pastes titles
 * into its XMP unescaped, so a title with "&" made the packet invalid XML). pdfkit's own packet is
 * never kept (typeset/metadataStream.ts puts this one in its place, in the written file).
 *
 * Only properties of the schemas PDF/A predefines (dc, xmp, pdf, xmpMM, pdfaid) are used, and
 * pdfuaid (PDF/UA's identification), which PDF/A does not predefine: the packet describes it in a
 * PDF/A extension schema (ISO 19005-3 6.6.2.3.2; the description ISO 14289-1 gives). What else an
 * edition carries (generator version, fingerprints) is in its attachment.
 */

export interface DocumentMetadata {
  title: string;
  subject: string;
  author: string;
  keywords: readonly string[];
  /** BCP 47 language of the document (catalog /Lang, dc:language). */
  language: string;
  /** The generator, "name version": Info Creator, xmp:CreatorTool. */
  creator: string;
  /** What wrote the PDF: Info Producer, pdf:Producer. */
  producer: string;
  /** ISO day (yyyy-mm-dd) from the data: creation, modification and metadata date. Never the clock. */
  date: string;
  /** The edition id (xmpMM:VersionID) and the document's stable identity (xmpMM:DocumentID). */
  edition?: { id: string; documentId: string };
  /** PDF/A identification. */
  pdfa: { part: 1 | 2 | 3; conformance: 'A' | 'B' | 'U' };
  /** PDF/UA identification: only for a tagged file (structure tree, artifacts, Lang, alternative text). */
  pdfua?: { part: 1 };
}

/** PDF/A's description of the pdfuaid schema (an extension schema: PDF/A-3 predefines dc, xmp, pdf, xmpMM, pdfaid). */
const PDFUA_EXTENSION_SCHEMA = [
  '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
  '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
  '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
  '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
  '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
  '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
  '<pdfaProperty:name>part</pdfaProperty:name>',
  '<pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
  '<pdfaProperty:category>internal</pdfaProperty:category>',
  '<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>',
  '</rdf:li></rdf:Seq></pdfaSchema:property>',
  '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
  '</rdf:Description>',
];

/** The Info dictionary, as pdfmake's `info` takes it (pdfkit writes the dates as D:yyyymmddHHmmssZ). */
export function infoDictionary(meta: DocumentMetadata) {
  const date = documentDate(meta.date);
  return {
    title: meta.title,
    subject: meta.subject,
    author: meta.author,
    keywords: meta.keywords.join(', '),
    creator: meta.creator,
    producer: meta.producer,
    creationDate: date,
    modDate: date,
  };
}

export function documentDate(isoDay: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay)) throw new Error(`invalid document date (expected yyyy-mm-dd): ${isoDay}`);
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid document date: ${isoDay}`);
  return date;
}

/** XML character data and attribute values: the five predefined entities, and no character XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // C0 controls other than tab, LF, CR, lone surrogates and U+FFFE/U+FFFF cannot appear in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function xmpDate(isoDay: string): string {
  return `${documentDate(isoDay).toISOString().slice(0, 19)}Z`;
}

/** The XMP packet (UTF-8, uncompressed when written), with the Info dictionary's values. */
export function xmpPacket(meta: DocumentMetadata): string {
  const e = escapeXml;
  const date = xmpDate(meta.date);
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${e(value)}</rdf:li></rdf:Alt>`;
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    `<pdfaid:part>${meta.pdfa.part}</pdfaid:part>`,
    `<pdfaid:conformance>${meta.pdfa.conformance}</pdfaid:conformance>`,
    '</rdf:Description>',
    ...(meta.pdfua
      ? [
          '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
          `<pdfuaid:part>${meta.pdfua.part}</pdfuaid:part>`,
          '</rdf:Description>',
          ...PDFUA_EXTENSION_SCHEMA,
        ]
      : []),
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    ...(meta.author ? [`<dc:creator><rdf:Seq><rdf:li>${e(meta.author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(meta.subject ? [`<dc:description>${alt(meta.subject)}</dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${e(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${e(meta.creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${e(meta.producer)}</pdf:Producer>`,
    ...(meta.keywords.length > 0 ? [`<pdf:Keywords>${e(meta.keywords.join(', '))}</pdf:Keywords>`] : []),
    '</rdf:Description>',
    ...(meta.edition
      ? [
          '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
          `<xmpMM:DocumentID>${e(meta.edition.documentId)}</xmpMM:DocumentID>`,
          `<xmpMM:VersionID>${e(meta.edition.id)}</xmpMM:VersionID>`,
          '</rdf:Description>',
        ]
      : []),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ];
  return lines.join('\n');
}
