/**
 * The single-pass well-formedness check that stands in for fast-xml-parser's validator: it accepts
 * every XML document of the real exports (as the validator does), rejects what the validator rejects
 * among broken documents, and catches truncation anywhere, which the parser alone accepts silently.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlProblem } from '../../src/source/xml-check.js';
import { ZipArchive } from '../../src/source/zip.js';
import { decodeText, parseXml } from '../../src/source/decode.js';
import { CORPUS, describeCorpus, PROJECT_ROOT } from '../helpers/corpus.js';

const validatorSays = (text: string): boolean => XMLValidator.validate(text) === true;

describe('xmlProblem', () => {
  it.each([
    ['a declaration, comments, CDATA with markup in it, a processing instruction', '<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><a><![CDATA[<not a="tag">]]><?pi x?></a>\n<!-- after -->'],
    ['attributes in both quotes, with > and spaces around =', `<a x="1>2" y = 'b' z="">t</a>`],
    ['a self-closing root', '<Root attr="v" />'],
    ['a closing tag with spaces, names with prefixes, dots, dashes and non-ASCII letters', '<ns:a-b.c><é>x</é ></ns:a-b.c>'],
    ['entities and > in text', '<a>1 &lt; 2 &amp;&amp; 3 > 2 &#xA;</a>'],
  ])('accepts %s, as the validator does', (_what, xml) => {
    expect(xmlProblem(xml)).toBeUndefined();
    expect(validatorSays(xml)).toBe(true);
  });

  it.each([
    ['a truncated document', '<a><b>x</b>', /<a> is not closed/],
    ['a mismatched closing tag', '<a><b>x</c></a>', /<\/c> closes <b> \(line 1\)/],
    ['no markup at all', 'not xml at all', /text before the root/],
    ['an empty document', '', /no root element/],
    ['two roots', '<a></a><b></b>', /more than one root/],
    ['an unquoted attribute', '<a attr=noquote></a>', /malformed markup/],
    ['a stray <', '<a><<b></a>', /malformed markup/],
    ['an unclosed attribute value', '<a><b x="1>y</b></a>', /malformed markup/],
    ['a closing tag with attributes', '<a></a x="1">', /malformed closing tag/],
    ['a closing tag before any opening', '</a>', /closes nothing/],
    ['a repeated attribute', '<a c="1" c="2"/>', /attribute 'c' is repeated/],
    ['binary bytes', '\u0000\u0001binary', /text before the root/],
  ])('rejects %s, as the validator does', (_what, xml, message) => {
    expect(xmlProblem(xml)).toMatch(message);
    expect(validatorSays(xml)).toBe(false);
    expect(() => parseXml(xml)).toThrow(/invalid XML/);
  });

  it('tolerates text after the root, as the validator does', () => {
    expect(xmlProblem('<a/>tail')).toBeUndefined();
    expect(validatorSays('<a/>tail')).toBe(true);
  });

  it('names the line of the problem', () => {
    expect(xmlProblem('<a>\n<b>\n</c>\n</a>')).toBe('</c> closes <b> (line 3)');
  });

  it('parseXml decodes the XML entities and numeric references, and leaves anything else as written', () => {
    const doc = parseXml(`<a b="x&#xA;y &amp; &apos;&#233;">1 &lt; 2 &#x1F600; &nbsp; &#0; &#xD800; &bogus</a>`);
    expect(doc).toEqual({ a: { '@_b': "x\ny & 'é", '#text': '1 < 2 😀 &nbsp; &#0; &#xD800; &bogus' } });
  });

  it.each([
    '<a> x </a>',
    '<a b=" v ">t</a>',
    '<a b="1"/>',
    '<a><b>1</b><b>2</b><c/></a>',
    '<a>t1<b>x</b>t2</a>',
    '<a><![CDATA[ c ]]></a>',
    '<a>x<![CDATA[y &amp; <z>]]>z</a>',
    '<a><!-- c --></a>',
    '<a>  </a>',
    '<a b="1">  </a>',
    '<a><b b="1"/><b>t</b><b/></a>',
    '<?xml version="1.0"?>\r\n<a>\r\n line1\r\n line2\r\n</a>',
    '<a xmlns:x="u"><x:b>1</x:b></a>',
    `<a b="&amp;&#65; &quot;q&quot;" c='&apos;'>&lt;&#66; x<!-- c -->y</a>`,
    '<r><a/><a/><b>1</b><a>2</a></r>',
    '<a><b/>text<b/></a>',
    '<a/>tail',
    '<é>x</é>',
    '<a><b.c-d_e>1</b.c-d_e></a>',
  ])('parseXml reads %j exactly as fast-xml-parser did', (xml) => {
    const fxp = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: true, processEntities: true, htmlEntities: true, ignoreDeclaration: true, ignorePiTags: true, removeNSPrefix: false });
    expect(JSON.stringify(parseXml(xml))).toBe(JSON.stringify(fxp.parse(xml, true)));
  });

  it('refuses element names that would reach an object prototype', () => {
    expect(() => parseXml('<a><__proto__>x</__proto__></a>')).toThrow(/invalid XML/);
    expect(() => parseXml('<a><constructor>y</constructor></a>')).toThrow(/invalid XML/);
  });

  it('parseXml reports a broken document as invalid XML instead of parsing what it can', () => {
    expect(() => parseXml('<ImportExportXml><SolutionManifest><UniqueName>X</UniqueName>')).toThrow(/invalid XML \(<SolutionManifest> is not closed/);
  });
});

/** Every XML text of the bundled example and the corpus: solution and customizations files, flow and app records, WADL. */
async function xmlDocuments(root: string): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  const fromZip = async (bytes: Uint8Array, name: string): Promise<void> => {
    const zip = await ZipArchive.open(bytes);
    for (const entry of zip.names) {
      if (/\.xml$/i.test(entry)) out.push({ name: `${name}!/${entry}`, text: decodeText(await zip.read(entry)) });
      else if (/\.(msapp|zip)$/i.test(entry)) await fromZip(await zip.read(entry), `${name}!/${entry}`);
    }
  };
  const walk = async (dir: string): Promise<void> => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) await walk(p);
      else if (/\.xml$/i.test(e)) out.push({ name: p, text: decodeText(readFileSync(p)) });
      else if (/\.(zip|msapp)$/i.test(e)) await fromZip(readFileSync(p), p);
    }
  };
  await walk(root);
  return out;
}

describe('the bundled example', () => {
  it('has only well-formed XML', async () => {
    const docs = await xmlDocuments(join(PROJECT_ROOT, 'examples'));
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.filter((d) => xmlProblem(d.text) !== undefined).map((d) => d.name)).toEqual([]);
  });
});

describeCorpus('xmlProblem on the real exports', () => {
  it('accepts every XML document the validator accepts, and rejects every truncation of them', async () => {
    const docs = await xmlDocuments(CORPUS);
    expect(docs.length).toBeGreaterThan(300);
    const disagree = docs.filter((d) => (xmlProblem(d.text) === undefined) !== validatorSays(d.text)).map((d) => d.name);
    expect(disagree).toEqual([]);
    // And parseXml reads each into exactly what the parser with its own validator and HTML entity tables did.
    const before = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: true, processEntities: true, htmlEntities: true, ignoreDeclaration: true, ignorePiTags: true, removeNSPrefix: false });
    const differ = docs.filter((d) => !/<!DOCTYPE|<!ENTITY/i.test(d.text) && JSON.stringify(parseXml(d.text)) !== JSON.stringify(before.parse(d.text, true))).map((d) => d.name);
    expect(differ).toEqual([]);
    // Truncated at 7 places each (seeded): a cut that leaves the root unclosed is always caught.
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let cuts = 0;
    for (const d of docs.filter((x) => x.text.length > 200)) {
      const rootEnd = d.text.trimEnd().length;
      for (let k = 0; k < 7; k++) {
        const at = Math.floor(next() * (rootEnd - 2));
        const cut = d.text.slice(0, at);
        if (cut.trim() === '') continue;
        cuts++;
        expect({ name: d.name, at, problem: xmlProblem(cut) !== undefined }).toEqual({ name: d.name, at, problem: true });
      }
    }
    expect(cuts).toBeGreaterThan(1000);
  });
});
