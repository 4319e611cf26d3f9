"use strict";
exports.id = 653;
exports.ids = [653];
exports.modules = {

/***/ 32653:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.lintCommand = void 0;
const inputs_1 = __webpack_require__(49901);
const lint_1 = __webpack_require__(37937);
const log_1 = __webpack_require__(46472);
const args_1 = __webpack_require__(62309);
const local_1 = __webpack_require__(67249);
exports.lintCommand = {
    usage: `mcp-deploy lint [PATH...] [options]

PATH is a manifest file, a directory of YAML files, a kustomize overlay (rendered with kubectl kustomize)
or - for stdin; default: the current directory.

Options:
  --mcp-path PATH          the MCP endpoint (default /mcp)
  --mcp-sessions MODE      stateful | stateless: does the server keep sessions in memory (default stateful)
  --lint MODE              error | warn | off, as the action's input: warn never fails (default error)
  --strict                 warnings fail too
  --format text|json       json prints the findings as one JSON object (default text)
  --workspace DIR          repository root for file paths in findings (default: git's top level)
Inputs not given as flags are read from MCP_<INPUT> variables (MCP_MCP_PATH), as in the GitLab template.

Exit status: 0 clean (or warnings only), 1 error findings, 2 usage error.

Rules:
${(0, lint_1.ruleList)()}

Annotations (on the object): mcp-deploy.dev/sessions: stateless|stateful, mcp-deploy.dev/mcp-path: /path,
mcp-deploy.dev/host-check: disabled, mcp-deploy.dev/ignore: MCP002,MCP006 (IDs or names).`,
    async run(args) {
        const { flags, positional } = (0, args_1.parseArgs)(args, {
            inputs: ['lint', 'mcp-path', 'mcp-sessions'],
            own: { strict: true, format: false, workspace: false },
        });
        (0, args_1.warnUnknownVariables)();
        const { strict, format = 'text' } = flags;
        if (format !== 'text' && format !== 'json') {
            process.stderr.write(`error: --format must be text or json\n`);
            return 2;
        }
        const inputs = (0, lint_1.parseLintInputs)(new inputs_1.InputReader((0, inputs_1.cliSource)(flags)));
        if (inputs.mode === 'off') {
            log_1.log.info('lint is off');
            return 0;
        }
        const { workspace } = await (0, local_1.cliContext)(process.cwd(), flags);
        const result = await (0, lint_1.lintPaths)(positional.length ? positional : ['.'], {
            mcpPath: inputs.mcpPath,
            sessions: inputs.sessions,
            workspace,
        });
        if (format === 'json')
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
            for (const f of result.findings)
                log_1.log.annotate((0, lint_1.toAnnotation)(f, inputs.mode));
            process.stdout.write(`\n${result.findings.length ? (0, lint_1.lintSummary)(result, false).toText() : `${(0, lint_1.headline)(result)}\n`}`);
        }
        return (0, lint_1.lintFailed)(result, inputs.mode, strict === 'true') ? 1 : 0;
    },
};


/***/ })

};
;