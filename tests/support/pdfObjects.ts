/**
 * Reading a PDF's document-level objects back with a real PDF library (mupdf), and its XMP packet
 * with a real XML parser (Python's expat, through xml.dom.minidom): what the archival tests assert.
 */
import { execFileSync } from 'node:child_process';
import * as mupdf from 'mupdf';

export function openPdf(bytes: Uint8Array): mupdf.PDFDocument {
  return mupdf.Document.openDocument(bytes, 'application/pdf').asPDF()!;
}

export function xmpOf(bytes: Uint8Array): string {
  return openPdf(bytes).getTrailer().get('Root').get('Metadata').readStream().asString();
}

export interface ParsedXmp {
  /**
   * Every leaf element's text by its qualified name ("dc:title", "pdfaid:part"…), rdf:li values joined
   * by "|"; and the leaf properties of extension-schema descriptions ("pdfaSchema:prefix"…).
   */
  values: Record<string, string>;
}

const parser = String.raw`
import sys, json, xml.dom.minidom
data = sys.stdin.buffer.read()
start = data.index(b'<x:xmpmeta'); end = data.index(b'</x:xmpmeta>') + len(b'</x:xmpmeta>')
doc = xml.dom.minidom.parseString(data[start:end])
values = {}
def text(node): return ''.join(c.data for c in node.childNodes if c.nodeType in (c.TEXT_NODE, c.CDATA_SECTION_NODE))
for desc in doc.getElementsByTagName('rdf:Description'):
    for prop in desc.childNodes:
        if prop.nodeType != prop.ELEMENT_NODE: continue
        items = prop.getElementsByTagName('rdf:li')
        values[prop.tagName] = '|'.join(text(li) for li in items) if items.length else text(prop)
# PDF/A extension-schema descriptions: their leaf properties, by name, each value once, joined by "|"
for prefix in ('pdfaSchema:', 'pdfaProperty:'):
    for el in doc.getElementsByTagName('*'):
        if el.tagName.startswith(prefix) and not any(c.nodeType == c.ELEMENT_NODE for c in el.childNodes):
            values[el.tagName] = '|'.join(filter(None, [values.get(el.tagName), text(el)]))
json.dump({'values': values}, sys.stdout, ensure_ascii=False)
`;

/** Parses the packet as XML (throws on malformed XML) and returns its property values. */
export function parseXmp(packet: string): ParsedXmp {
  return JSON.parse(execFileSync('python3', ['-c', parser], { input: Buffer.from(packet, 'utf8'), encoding: 'utf8' })) as ParsedXmp;
}
