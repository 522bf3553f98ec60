import { describe, expect, it } from '@jest/globals';
import { tokenize, type Token } from '../../src/formula/tokenizer.js';

const kinds = (script: string): string[] => tokenize(script).map((t) => `${t.kind}:${t.value}`);
const values = (script: string): string[] => tokenize(script).map((t) => t.value);

describe('tokenize: strings', () => {
  it('reads a string literal as one token, so a .Run( inside it is text', () => {
    expect(kinds('Notify("call SubmitRequest.Run(x) later")')).toEqual([
      'identifier:Notify',
      'operator:(',
      'string:call SubmitRequest.Run(x) later',
      'operator:)',
    ]);
  });

  it('resolves "" to a quote inside a string', () => {
    const [t] = tokenize('"say ""hi"" now"');
    expect(t).toEqual({ kind: 'string', value: 'say "hi" now', start: 0, end: 16 });
  });

  it('keeps an empty string and a string that is only an escaped quote', () => {
    expect(kinds('"" & """"')).toEqual(['string:', 'operator:&', 'string:"']);
  });

  it('ends an unterminated string at the end of the script without throwing', () => {
    const tokens = tokenize('Set(x, "never closed .Run(');
    const last = tokens[tokens.length - 1] as Token;
    expect(last).toMatchObject({ kind: 'string', value: 'never closed .Run(', unterminated: true, end: 26 });
  });
});

describe('tokenize: interpolated strings', () => {
  it('tokenizes the {…} parts as code and the rest as text', () => {
    expect(kinds('$"Status: {Flow.Run(a).status}!"')).toEqual([
      'interpolationStart:$"',
      'string:Status: ',
      'holeStart:{',
      'identifier:Flow',
      'operator:.',
      'identifier:Run',
      'operator:(',
      'identifier:a',
      'operator:)',
      'operator:.',
      'identifier:status',
      'holeEnd:}',
      'string:!',
      'interpolationEnd:"',
    ]);
  });

  it('reads {{ and }} as literal braces in the text part', () => {
    expect(kinds('$"{{literal}} {x}"')).toEqual([
      'interpolationStart:$"',
      'string:{literal} ',
      'holeStart:{',
      'identifier:x',
      'holeEnd:}',
      'interpolationEnd:"',
    ]);
  });

  it('allows records, strings and interpolations nested inside a code part', () => {
    expect(kinds('$"a{ {b: "}"}.b & $"in{c}" }z"')).toEqual([
      'interpolationStart:$"',
      'string:a',
      'holeStart:{',
      'operator:{',
      'identifier:b',
      'operator::',
      'string:}',
      'operator:}',
      'operator:.',
      'identifier:b',
      'operator:&',
      'interpolationStart:$"',
      'string:in',
      'holeStart:{',
      'identifier:c',
      'holeEnd:}',
      'interpolationEnd:"',
      'holeEnd:}',
      'string:z',
      'interpolationEnd:"',
    ]);
  });

  it('resolves "" in the text part', () => {
    expect(kinds('$"say ""{n}"""')).toEqual([
      'interpolationStart:$"',
      'string:say "',
      'holeStart:{',
      'identifier:n',
      'holeEnd:}',
      'string:"',
      'interpolationEnd:"',
    ]);
  });

  it('ends an unterminated interpolation gracefully', () => {
    expect(kinds('$"open {x')).toEqual(['interpolationStart:$"', 'string:open ', 'holeStart:{', 'identifier:x']);
    expect(tokenize('$"text only')[1]).toMatchObject({ kind: 'string', value: 'text only', unterminated: true });
  });
});

describe('tokenize: identifiers', () => {
  it("unquotes 'quoted identifiers' and resolves ''", () => {
    const tokens = tokenize("'AutomationProjects-RefreshthroughPowerApps'.Run(); 'Bob''s List'");
    expect(tokens[0]).toEqual({
      kind: 'identifier',
      value: 'AutomationProjects-RefreshthroughPowerApps',
      start: 0,
      end: 44,
      quoted: true,
    });
    expect(tokens[tokens.length - 1]).toMatchObject({ kind: 'identifier', value: "Bob's List", quoted: true });
  });

  it('reads [@Name] and [@\'Quoted Name\'] as one identifier', () => {
    const tokens = tokenize("[@SubmitRequest].Run(); [@'My Flow'].Run()");
    expect(tokens[0]).toEqual({ kind: 'identifier', value: 'SubmitRequest', start: 0, end: 16, quoted: true });
    expect(tokens.find((t) => t.value === 'My Flow')).toMatchObject({ kind: 'identifier', start: 24, end: 36 });
  });

  it('keeps [ as an operator when it is not [@Name]', () => {
    expect(kinds('[1, 2]')).toEqual(['operator:[', 'number:1', 'operator:,', 'number:2', 'operator:]']);
    expect(kinds('[@]')).toEqual(['operator:[', 'operator:@', 'operator:]']);
  });

  it('allows unicode letters, digits and underscores', () => {
    expect(values('Größe_2 + 名前 * éa1')).toEqual(['Größe_2', '+', '名前', '*', 'éa1']);
  });
});

describe('tokenize: comments', () => {
  it('skips // line comments that hold old calls', () => {
    expect(values('// SubmitRequest.Run(x)\nRefresh(Tasks)')).toEqual(['Refresh', '(', 'Tasks', ')']);
  });

  it('skips /* */ block comments that hold old calls', () => {
    expect(values('/* Flow.Run(\n a) */ Back()')).toEqual(['Back', '(', ')']);
  });

  it('ends an unterminated block comment silently', () => {
    expect(values('Back(); /* Flow.Run(')).toEqual(['Back', '(', ')', ';']);
  });

  it('does not take // inside a string as a comment', () => {
    expect(values('Launch("https://example.com")')).toEqual(['Launch', '(', 'https://example.com', ')']);
  });
});

describe('tokenize: numbers and operators', () => {
  it('reads integers, decimals and exponents', () => {
    expect(kinds('1 + 2.5 - 3e10 * 4.5E-3 / .5')).toEqual([
      'number:1',
      'operator:+',
      'number:2.5',
      'operator:-',
      'number:3e10',
      'operator:*',
      'number:4.5E-3',
      'operator:/',
      'number:.5',
    ]);
  });

  it('reads member access after a value as a dot, not a decimal', () => {
    expect(kinds('a.b')).toEqual(['identifier:a', 'operator:.', 'identifier:b']);
    expect(kinds('First(t).5')).toContain('operator:.');
  });

  it('reads two-character operators as one token', () => {
    expect(values('a<>b<=c>=d&&e||f&g<h>i=j^2%!k@l;m:n')).toEqual([
      'a', '<>', 'b', '<=', 'c', '>=', 'd', '&&', 'e', '||', 'f', '&', 'g', '<', 'h', '>', 'i', '=', 'j', '^', '2',
      '%', '!', 'k', '@', 'l', ';', 'm', ':', 'n',
    ]);
  });

  it('gives every token its offsets in the script', () => {
    const script = ' Set( v ,"x" ) ; ';
    for (const t of tokenize(script)) {
      const raw = script.slice(t.start, t.end);
      expect(t.kind === 'string' ? raw : t.value).toBe(raw);
    }
    expect(tokenize(script).map((t) => [t.start, t.end])).toEqual([
      [1, 4],
      [4, 5],
      [6, 7],
      [8, 9],
      [9, 12],
      [13, 14],
      [15, 16],
    ]);
  });
});

describe('tokenize: hostile input', () => {
  it('handles deeply nested brackets and interpolations without recursion', () => {
    const depth = 100_000;
    expect(tokenize('('.repeat(depth) + ')'.repeat(depth))).toHaveLength(2 * depth);
    const nested = '$"{'.repeat(depth) + '}"'.repeat(depth);
    expect(tokenize(nested)).toHaveLength(4 * depth);
  });

  it('tokenizes a long script in linear time', () => {
    const script = 'Set(v, Flow.Run("a""b", 1.5, {k: \'q\'})); // c\n'.repeat(20_000);
    const started = Date.now();
    const tokens = tokenize(script);
    expect(tokens.length).toBe(20_000 * 20);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('never throws on arbitrary characters', () => {
    expect(() => tokenize('#~?\u0000\'unterminated [@ $" {{ /*')).not.toThrow();
    expect(tokenize("'open")[0]).toMatchObject({ kind: 'identifier', value: 'open', unterminated: true });
  });
});
