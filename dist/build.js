// The build stage action (build/action.yml): the full action's bundle, limited to this stage.
process.env.MCP_DEPLOY_STAGES = 'build';
require('./index.js');
