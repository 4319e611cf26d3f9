import { backOff } from 'exponential-backoff';

/** How a call is retried: each call site names its policy, so the waits are read in one place. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; each later wait doubles (no jitter: one runner, one caller). */
  firstDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs?: number;
}

/** Registry calls (login, push, imagetools): `push-retries` retries, waiting 1, 2, 4 ... s. */
export const registryPolicy = (retries: number): RetryPolicy => ({
  attempts: retries + 1,
  firstDelayMs: 1000,
});

/** Tool downloads: four attempts, waiting 1, 2, 4 s. */
export const DOWNLOAD_POLICY: RetryPolicy = { attempts: 4, firstDelayMs: 1000 };

/**
 * Runs `fn` until it resolves, `retryable` says no, or the policy's attempts are spent; `onRetry` hears
 * of each retry (attempt number, the wait before the next one) before the wait. The last error is thrown.
 */
export function retry<T>(
  policy: RetryPolicy,
  fn: (attempt: number) => Promise<T>,
  retryable: (e: unknown) => boolean,
  onRetry: (e: unknown, attempt: number, waitMs: number) => void = () => undefined,
): Promise<T> {
  let attempt = 0;
  return backOff(() => fn(++attempt), {
    numOfAttempts: policy.attempts,
    startingDelay: policy.firstDelayMs,
    timeMultiple: 2,
    jitter: 'none',
    ...(policy.maxDelayMs ? { maxDelay: policy.maxDelayMs } : {}),
    retry: (e, n) => {
      if (!retryable(e)) return false;
      if (n < policy.attempts)
        onRetry(e, n, Math.min(policy.firstDelayMs * 2 ** (n - 1), policy.maxDelayMs ?? Infinity));
      return true;
    },
  });
}
