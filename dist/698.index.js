"use strict";
exports.id = 698;
exports.ids = [698];
exports.modules = {

/***/ 52698:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.cli = cli;
const errors_1 = __webpack_require__(83916);
/**
 * Commands load on use (chunks of their own in the bundle): the MCP SDK, Octokit and the manifest linter
 * are not parsed for a command that does not need them, which keeps `run --stages gates` and `--help` quick.
 */
const COMMANDS = {
    plan: {
        summary: 'print the stages, the exact commands and the computed values; runs nothing',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(367), __webpack_require__.e(472), __webpack_require__.e(874), __webpack_require__.e(165), __webpack_require__.e(930)]).then(__webpack_require__.t.bind(__webpack_require__, 48930, 23))).planCommand,
    },
    run: {
        summary: 'run the stages locally with the same core as the action and print the summary',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(367), __webpack_require__.e(472), __webpack_require__.e(874), __webpack_require__.e(165), __webpack_require__.e(930)]).then(__webpack_require__.t.bind(__webpack_require__, 48930, 23))).runCommand,
    },
    verify: {
        summary: 'speak MCP to a server (HTTP or stdio), run the checks and compare its tool contract with a baseline',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(367), __webpack_require__.e(219), __webpack_require__.e(874), __webpack_require__.e(637), __webpack_require__.e(613)]).then(__webpack_require__.t.bind(__webpack_require__, 63613, 23))).verifyCommand,
    },
    contract: {
        summary: "contract snapshot: write a server's tool contract (mcp-contract.json); contract diff A B",
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(367), __webpack_require__.e(219), __webpack_require__.e(874), __webpack_require__.e(637), __webpack_require__.e(74)]).then(__webpack_require__.t.bind(__webpack_require__, 87074, 23))).contractCommand,
    },
    lint: {
        summary: 'check Kubernetes manifests for the known MCP-over-HTTP deployment mistakes',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(367), __webpack_require__.e(815), __webpack_require__.e(874), __webpack_require__.e(937), __webpack_require__.e(653)]).then(__webpack_require__.bind(__webpack_require__, 32653))).lintCommand,
    },
    init: {
        summary: 'write a Dockerfile, Kubernetes manifests, monitoring and a workflow into a repository',
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(367), __webpack_require__.e(106), __webpack_require__.e(722)]).then(__webpack_require__.t.bind(__webpack_require__, 70722, 23))).initCommand,
    },
};
function usage() {
    const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
    return `mcp-deploy: gates, build, scan, deploy and verify a Rust MCP server, as the GitHub Action does.

Usage: mcp-deploy <command> [options]     (mcp-deploy <command> --help for its options)

Commands:
${Object.entries(COMMANDS)
        .map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`)
        .join('\n')}
`;
}
async function cli(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(usage());
        return name ? 0 : 2;
    }
    const entry = COMMANDS[name];
    if (!entry) {
        process.stderr.write(`error: unknown command '${name}'\n\n${usage()}`);
        return 2;
    }
    const cmd = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${cmd.usage}\n`);
        return 0;
    }
    try {
        return await cmd.run(rest);
    }
    catch (e) {
        process.stderr.write(`error: ${(0, errors_1.errorMessage)(e)}\n`);
        return 2;
    }
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ActionError = void 0;
exports.errorMessage = errorMessage;
/**
 * The one error type the action raises on purpose. It names the input to change and how, so the single
 * `setFailed` line at the top is enough for a user to act on.
 */
class ActionError extends Error {
    input;
    hint;
    constructor(message, input, hint) {
        super(`${input ? `input '${input}': ` : ''}${message}${hint ? ` (fix: ${hint})` : ''}`);
        this.input = input;
        this.hint = hint;
        this.name = 'ActionError';
    }
}
exports.ActionError = ActionError;
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ })

};
;