import { cliSource, InputReader } from '../src/inputs';
import { verifySource } from '../src/commands/verify';

describe('mcp-token and mcp-headers: one name everywhere (MCP_MCP_*), the short MCP_TOKEN still read', () => {
  const sources = {
    'run/plan (cliSource)': (env: Record<string, string>) => cliSource({}, env),
    'verify (verifySource)': (env: Record<string, string>) => verifySource({}, env),
  };
  describe.each(Object.entries(sources))('%s', (_, source) => {
    test.each([
      [{ MCP_MCP_TOKEN: 'a' }, 'a'],
      [{ MCP_TOKEN: 'b' }, 'b'],
      [{ MCP_MCP_TOKEN: 'c', MCP_TOKEN: 'c' }, 'c'],
      [{ MCP_MCP_TOKEN: '', MCP_TOKEN: 'd' }, 'd'],
      [{}, ''],
    ])('%o gives %p', (env, token) => {
      expect(new InputReader(source(env)).string('mcp-token')).toBe(token);
    });
    test('headers from either name', () => {
      expect(source({ MCP_HEADERS: 'X-A: 1' })('mcp-headers')).toBe('X-A: 1');
      expect(source({ MCP_MCP_HEADERS: 'X-B: 2' })('mcp-headers')).toBe('X-B: 2');
    });
    test('two different values are refused, naming the input and the one variable to keep', () => {
      expect(() => source({ MCP_MCP_TOKEN: 'x', MCP_TOKEN: 'y' })('mcp-token')).toThrow(
        /^input 'mcp-token': MCP_MCP_TOKEN and MCP_TOKEN are both set, to different values \(fix: set MCP_MCP_TOKEN only\)$/,
      );
    });
  });

  test('the flag refusal points at MCP_MCP_TOKEN', () => {
    expect(() => verifySource({ token: 'x' }, {})).toThrow(/fix: export MCP_MCP_TOKEN instead/);
  });
});
