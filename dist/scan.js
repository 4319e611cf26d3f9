// The scan stage action (scan/action.yml): the full action's bundle, limited to this stage.
process.env.MCP_DEPLOY_STAGES = 'scan';
require('./index.js');
