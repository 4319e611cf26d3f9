import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ActionError } from '../../errors';
import { imageName } from '../../oci';

/**
 * Strategy `manifests`: the rendered YAML (a plain directory, or `kubectl kustomize` of an overlay) with
 * every image whose name is the image of `image-ref` pinned to the digest. Working on the rendered
 * output, not on a copy of the sources, keeps an overlay's `../../base` references valid and treats both
 * layouts the same way.
 */
export interface Rendered {
  /** A v1 List of every object, as JSON, for `kubectl apply -f -`. */
  list: string;
  /** Containers whose image was replaced, as kind/name/container. */
  replaced: string[];
  /** Every Deployment in the manifests: what the stage waits for. */
  deployments: { name: string; namespace: string }[];
  /** Namespace objects in the manifests: these need not exist before the apply. */
  namespaces: string[];
}

/** A plain directory as `kubectl apply -f <dir>` reads it: its .yaml, .yml and .json files, by name. */
export function readManifestDir(dir: string): string {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && fs.statSync(path.join(dir, f)).isFile())
    .sort();
  if (!files.length)
    throw new ActionError(
      `no .yaml, .yml or .json files in ${dir}`,
      'manifests',
      'point it at the directory of your manifests',
    );
  return files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n---\n');
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The pod spec of a workload, wherever its kind keeps it. */
function podSpec(doc: Obj): Obj | undefined {
  const spec = doc.spec;
  if (!isObj(spec)) return undefined;
  if (doc.kind === 'Pod') return spec;
  if (doc.kind === 'CronJob') {
    const job = (spec.jobTemplate as Obj | undefined)?.spec as Obj | undefined;
    return ((job?.template as Obj | undefined)?.spec as Obj | undefined) ?? undefined;
  }
  return isObj(spec.template) && isObj(spec.template.spec) ? spec.template.spec : undefined;
}

export function pinImages(yamlText: string, ref: string, cause: string): Rendered {
  const name = imageName(ref);
  const docs = parseAllDocuments(yamlText);
  const replaced: string[] = [];
  const deployments: Rendered['deployments'] = [];
  const namespaces: string[] = [];
  const out: Obj[] = [];
  for (const d of docs) {
    if (d.errors.length) {
      const line = d.errors[0].linePos?.[0].line;
      throw new ActionError(
        `the manifests are not valid YAML${line ? ` (line ${line} of the rendered output)` : ''}`,
        'manifests',
        'fix the YAML',
      );
    }
    const doc = d.toJS() as unknown;
    if (!isObj(doc)) continue;
    const meta = (isObj(doc.metadata) ? doc.metadata : (doc.metadata = {})) as Obj;
    const id = `${doc.kind}/${meta.name}`;
    const spec = podSpec(doc);
    for (const key of ['initContainers', 'containers']) {
      const list = spec?.[key];
      if (!Array.isArray(list)) continue;
      for (const c of list as Obj[]) {
        if (typeof c.image === 'string' && imageName(c.image) === name) {
          c.image = ref;
          replaced.push(`${id}/${c.name}`);
        }
      }
    }
    if (doc.kind === 'Namespace' && typeof meta.name === 'string') namespaces.push(meta.name);
    if (doc.kind === 'Deployment') {
      deployments.push({
        name: String(meta.name),
        namespace: typeof meta.namespace === 'string' ? meta.namespace : '',
      });
      meta.annotations = {
        ...(isObj(meta.annotations) ? meta.annotations : {}),
        'kubernetes.io/change-cause': cause,
      };
    }
    out.push(doc);
  }
  if (!replaced.length)
    throw new ActionError(
      `no container in the manifests uses the image ${name}`,
      'manifests',
      `name the image ${name} (any tag) in the Deployment, or in the overlay's images: list`,
    );
  // One JSON List, not YAML: kubectl reads YAML 1.1, where an unquoted off or yes turns into a boolean,
  // and a stream that starts with `{` must be a single JSON document.
  return {
    list: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: out }, null, 1),
    replaced,
    deployments,
    namespaces,
  };
}
