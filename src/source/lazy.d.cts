import type JSZip from 'jszip';
import type * as Yaml from 'yaml';
import type * as FastXmlParser from 'fast-xml-parser';
export declare function yamlLib(): typeof Yaml;
export declare function jszipLib(): typeof JSZip;
export declare function xmlParserLib(): typeof FastXmlParser;
