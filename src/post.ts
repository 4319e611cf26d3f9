import { runCleanups, savedCleanups } from './cleanup';
import { githubSink, setSink } from './report/log';

/** The action's post step: undoes what the main step saved (logins, secret files), even after a failure. */
export async function post(): Promise<void> {
  setSink(githubSink);
  await runCleanups(savedCleanups());
}
