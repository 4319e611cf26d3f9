// A stdio MCP server built on the SDK's low-level Server, publishing tools the way some servers on npm do:
// `search` has an inputSchema without "type" (the SDK client's result validation rejects the listing).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const server = new Server({ name: 'untyped-schema', version: '0.1.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    {
      name: 'fetch',
      inputSchema: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    },
    { name: 'search', inputSchema: { properties: { q: { type: 'string' } }, required: ['q'] } },
  ],
}));
await server.connect(new StdioServerTransport());
