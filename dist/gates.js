// The gates stage action (gates/action.yml): the full action's bundle, limited to this stage.
process.env.MCP_DEPLOY_STAGES = 'gates';
require('./index.js');
