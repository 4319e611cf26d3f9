// The deploy stage action (deploy/action.yml): the full action's bundle, limited to this stage.
process.env.MCP_DEPLOY_STAGES = 'deploy';
require('./index.js');
