/**
 * The one error type the action raises on purpose. It names the input to change and how, so the single
 * `setFailed` line at the top is enough for a user to act on.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly input?: string,
    readonly hint?: string,
  ) {
    super(`${input ? `input '${input}': ` : ''}${message}${hint ? ` (fix: ${hint})` : ''}`);
    this.name = 'ActionError';
  }
}

/** Every input error of one run at once, a line each, so a user fixes them in one round. */
export class InputErrors extends ActionError {
  constructor(readonly errors: ActionError[]) {
    super(`${errors.length} inputs need a fix:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
    this.name = 'InputErrors';
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
