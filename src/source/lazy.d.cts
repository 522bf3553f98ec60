import type JSZip from 'jszip';
import type * as Yaml from 'yaml';
export declare function yamlLib(): typeof Yaml;
export declare function jszipLib(): typeof JSZip;
