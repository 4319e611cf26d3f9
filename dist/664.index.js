"use strict";
exports.id = 664;
exports.ids = [664];
exports.modules = {

/***/ 47664:
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
exports.gates = void 0;
const fs = __importStar(__webpack_require__(73024));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(83916);
const plan_1 = __webpack_require__(24205);
const run_1 = __webpack_require__(73413);
exports.gates = {
    name: 'gates',
    parse(r, env) {
        if (!fs.existsSync(path.join(env.cwd, 'Cargo.toml')))
            throw new errors_1.ActionError(`no Cargo.toml in ${env.cwd}`, 'working-directory', 'point it at the directory of the crate (the one with Cargo.toml)');
        return (0, plan_1.parseGatesInputs)(r, env.cwd);
    },
    plan: (i) => ({
        commands: (0, plan_1.planGates)(i),
        values: {
            scope: (0, plan_1.describeScope)(i.scope),
            'fail-fast': String(i.failFast),
            'audit-ignore': i.auditIgnore.join(', ') || '(none)',
        },
    }),
    run: run_1.runGates,
};


/***/ })

};
;