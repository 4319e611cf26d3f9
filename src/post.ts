import { runCleanups, savedCleanups } from './cleanup';
import { githubSink, setSink } from './report/log';

setSink(githubSink);
void runCleanups(savedCleanups());
