import type { RunContext } from '../context';
import type { InputReader, StageName } from '../inputs';
import type { Resolved } from '../resolved';
import type { Summary } from '../report/summary';

/** What every stage sees: where we run, the checkout, and what earlier stages of this run produced. */
export interface StageEnv {
  ctx: RunContext;
  /** Absolute `working-directory` (the crate), inside the workspace. */
  cwd: string;
  state: PipelineState;
  /** Set by the pipeline before the first stage; a stage driven on its own reads them from its inputs. */
  resolved?: Resolved;
}

/** Values handed from stage to stage within one run (and set as outputs). */
export interface PipelineState {
  image?: string;
  digest?: string;
  /** image@sha256:...: what scan, deploy and verify use. Never a mutable tag. */
  imageRef?: string;
  /**
   * Set by a deploy that succeeded, so a failed verify after it can roll it back. It returns deploy's
   * result as it stands after the undo, which replaces the one deploy returned before.
   */
  rollback?: (reason: string) => Promise<Rollback>;
  /** When deploy started changing the cluster (ms since the epoch): the bake's `compare: previous` ends there. */
  rolloutStartedAt?: number;
}

/** What an undo after a later failure did, and the deploy result that now tells the truth. */
export interface Rollback {
  /** Every changed deployment runs its previous revision again. */
  ok: boolean;
  /** For the error line: "hello-mcp rolled back to revision 1 (now numbered 3)". */
  message: string;
  result: Pick<StageResult, 'headline' | 'summary' | 'outputs'>;
}

/** A command as the stage will run it: for `mcp-deploy plan`, echoed exactly. */
export interface PlannedCommand {
  argv: string[];
  /** What the command is for, when that is not obvious from argv. */
  why?: string;
}

export interface Plan {
  commands: PlannedCommand[];
  /** Computed values (tags, digest source, deployments ...) shown by `plan`. */
  values: Record<string, string>;
}

export type StageStatus = 'success' | 'failure' | 'skipped';

export interface StageResult {
  status: StageStatus;
  /** One line for the pipeline table: "4 gates, 1 failed", "3 tags, 2 platforms" ... */
  headline: string;
  summary: Summary;
  outputs: Record<string, string>;
  /** Why the stage failed; becomes part of the step's failure message. */
  failure?: string;
}

export interface Stage<I> {
  name: StageName;
  /** Reads and validates this stage's inputs; throws ActionError naming the input. No side effects. */
  parse(r: InputReader, env: StageEnv): I;
  plan(inputs: I, env: StageEnv): Plan;
  run(inputs: I, env: StageEnv): Promise<StageResult>;
}
