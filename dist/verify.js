// The verify stage action (verify/action.yml): the full action's bundle, limited to this stage.
process.env.MCP_DEPLOY_STAGES = 'verify';
require('./index.js');
