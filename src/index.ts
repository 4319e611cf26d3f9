import { main } from './main';

// A per-stage action (gates/, build/ ...) sets MCP_DEPLOY_STAGES through its wrapper in dist/.
if (process.env.MCP_DEPLOY_STAGES && !process.env.INPUT_STAGES)
  process.env.INPUT_STAGES = process.env.MCP_DEPLOY_STAGES;
void main();
