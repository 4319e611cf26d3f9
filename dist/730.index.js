"use strict";
exports.id = 730;
exports.ids = [730];
exports.modules = {

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


/***/ }),

/***/ 41730:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.main = main;
const core = __importStar(__webpack_require__(37484));
const fs = __importStar(__webpack_require__(73024));
const context_1 = __webpack_require__(40788);
const errors_1 = __webpack_require__(83916);
const inputs_1 = __webpack_require__(38422);
const pipeline_1 = __webpack_require__(15165);
const log_1 = __webpack_require__(46472);
/** Action entry: inputs once, run, outputs and summary, and one setFailed at the top. */
async function main(env = process.env) {
    (0, log_1.setSink)(log_1.githubSink);
    try {
        const ctx = (0, context_1.detectContext)(env);
        const prepared = await (0, pipeline_1.prepare)(new inputs_1.InputReader((0, inputs_1.actionSource)(env)), ctx);
        const result = await (0, pipeline_1.runPipeline)(prepared);
        for (const [k, v] of Object.entries(result.outputs))
            log_1.log.setOutput(k, v);
        if (env.GITHUB_STEP_SUMMARY)
            fs.appendFileSync(env.GITHUB_STEP_SUMMARY, result.summary.toMarkdown());
        if (result.failure)
            core.setFailed(result.failure);
    }
    catch (e) {
        core.setFailed((0, errors_1.errorMessage)(e));
    }
}


/***/ })

};
;