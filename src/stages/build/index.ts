import type { Stage } from '../stage';
import { parseBuildInputs, planBuild, planTags, type BuildInputs } from './plan';
import { runBuild } from './run';

export const build: Stage<BuildInputs> = {
  name: 'build',
  parse: (r, env) => parseBuildInputs(r, env.ctx, env.cwd),
  plan(i, env) {
    const t = planTags(i, env.ctx);
    return {
      // The engine is probed only when the stage runs; plan shows what a stock runner (docker driver) gets.
      commands: planBuild(i, env.ctx),
      values: {
        image: i.image,
        tags: t.refs.join(', ') || '(none)',
        platforms: i.platforms.join(', '),
        'build-mode': `${i.builder} ${i.mode}`,
        push: String(i.push),
        ...(i.builder === 'buildx' && i.mode !== 'merge'
          ? {
              'binary-source':
                i.binary.source === 'auto'
                  ? `auto (runner when it can build ${i.platforms.join(', ')}, else the Dockerfile)`
                  : `${i.binary.source}${i.binary.reason.startsWith('binary-source auto') ? ` (${i.binary.reason})` : ''}`,
            }
          : {}),
        sign:
          i.sign.mode === 'off' || i.mode === 'by-digest'
            ? `off${i.sign.note ? ` (${i.sign.note})` : i.mode === 'by-digest' ? ' (merge signs the index)' : ''}`
            : `${i.sign.mode}${i.sign.transparencyLog ? ', transparency log' : ', no transparency log'}`,
        labels: Object.entries(t.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
      },
    };
  },
  run: runBuild,
};
