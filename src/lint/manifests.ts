import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parse as parseYaml, type Node } from 'yaml';
import { ActionError } from '../errors';
import {
  KUSTOMIZATION_FILES,
  kustomizationIn,
  kustomize,
  ORIGIN_ANNOTATION,
  type Kustomized,
} from '../tools/kubectl';
import type { FieldPath, K8sObject, LintDoc } from './types';

/** Where each parsed object sits in its text: the line of every field a rule may point at. */
interface Located {
  obj: K8sObject;
  lineOf(path: FieldPath): number;
}

function isObject(v: unknown): v is K8sObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses a multi-document YAML text. `kind: List` (what `kubectl get -o yaml` prints) is unpacked so its
 * items are linted like any other object. Throws on a YAML syntax error, naming `label` and the line.
 */
function parseLocated(text: string, label: string): Located[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(docs)) return [];
  const out: Located[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line;
      throw new ActionError(
        `${label}${line ? `:${line}` : ''}: not valid YAML: ${err.message.split('\n')[0]}`,
      );
    }
    const root = doc.contents;
    const obj: unknown = doc.toJS();
    if (!root || !isObject(obj)) continue;
    const lineOf = (p: FieldPath) => nodeLine(root, p, lineCounter);
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      obj.items.forEach((item, i) => {
        if (isObject(item)) out.push({ obj: item, lineOf: (p) => lineOf(['items', i, ...p]) });
      });
    } else if (typeof obj.kind === 'string') out.push({ obj, lineOf });
  }
  return out;
}

/** The line of the deepest node along `p`: a missing field points at its closest existing parent. */
function nodeLine(root: Node, p: FieldPath, lc: LineCounter): number {
  let node: unknown = root;
  let offset = root.range?.[0] ?? 0;
  for (const seg of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  return lc.linePos(offset).line;
}

/** A path relative to the workspace when the file lies inside it; undefined otherwise. */
function inWorkspace(abs: string, workspace: string): string | undefined {
  const rel = path.relative(workspace, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Objects of a YAML (or JSON) text; `file` is the absolute path it came from, if any. */
export function parseManifests(text: string, file: string | undefined, workspace: string): LintDoc[] {
  const rel = file ? inWorkspace(file, workspace) : undefined;
  return parseLocated(text, file ?? '<input>').map(({ obj, lineOf }) => ({
    obj,
    file: rel,
    lineOf: (p) => (rel ? lineOf(p) : undefined),
  }));
}

/**
 * The objects of a rendered overlay, each mapped back to the file (and line) it came from through the
 * origin annotations the rendering carries.
 */
export function kustomizedDocs(r: Kustomized, workspace: string): LintDoc[] {
  const sources = new Map<string, Located[]>();
  return parseLocated(r.text, `kubectl kustomize ${r.dir}`).map(({ obj }) => {
    const origin = takeOrigin(obj);
    const src = origin && path.resolve(r.root, origin.file);
    const rel = src ? inWorkspace(src, workspace) : undefined;
    if (!src || !rel || !fs.existsSync(src)) return { obj, file: undefined, lineOf: () => undefined };
    if (origin.generated) return { obj, file: rel, lineOf: generatorLine(fs.readFileSync(src, 'utf8')) };
    if (!sources.has(src)) sources.set(src, safeParse(fs.readFileSync(src, 'utf8'), src));
    const match = sourceFor(obj, sources.get(src)!);
    return { obj, file: rel, lineOf: (p: FieldPath) => match?.lineOf(p) ?? 1 };
  });
}

/** Reads and removes kustomize's origin annotation (it is ours, not the user's). */
function takeOrigin(obj: K8sObject): { file: string; generated: boolean } | undefined {
  const meta = obj.metadata as { annotations?: Record<string, string> } | undefined;
  const raw = meta?.annotations?.[ORIGIN_ANNOTATION];
  if (raw === undefined || !meta?.annotations) return undefined;
  delete meta.annotations[ORIGIN_ANNOTATION];
  if (!Object.keys(meta.annotations).length) delete meta.annotations;
  const o: unknown = parseYaml(raw);
  if (!isObject(o)) return undefined;
  if (typeof o.path === 'string') return { file: o.path, generated: false };
  if (typeof o.configuredIn === 'string') return { file: o.configuredIn, generated: true };
  return undefined;
}

/** Source files of a base may hold template placeholders that are not YAML; then lines are unknown. */
function safeParse(text: string, file: string): Located[] {
  try {
    return parseLocated(text, file);
  } catch {
    return [];
  }
}

/** The source object a rendered one came from: same kind, and a name that prefixes/suffixes may extend. */
function sourceFor(obj: K8sObject, candidates: Located[]): Located | undefined {
  const name = (o: K8sObject) => String((o.metadata as { name?: unknown } | undefined)?.name ?? '');
  const sameKind = candidates.filter((c) => c.obj.kind === obj.kind);
  return (
    sameKind.find((c) => name(c.obj) === name(obj)) ?? sameKind.find((c) => name(obj).includes(name(c.obj)))
  );
}

/** For a generated ConfigMap, `data.KEY` is the `KEY=` literal in the kustomization that generates it. */
function generatorLine(text: string): (p: FieldPath) => number {
  const lines = text.split('\n');
  return (p) => {
    const key = p[0] === 'data' && typeof p[1] === 'string' ? p[1] : undefined;
    const at = key ? lines.findIndex((l) => l.includes(`${key}=`)) : -1;
    if (at >= 0) return at + 1;
    const gen = lines.findIndex((l) => /^\s*(configMap|secret)Generator:/.test(l));
    return gen >= 0 ? gen + 1 : 1;
  };
}

/**
 * Loads what the user points at: `-` (stdin), a YAML/JSON file, a kustomization directory (rendered with
 * kubectl, unless `rendered` is that overlay's rendering already), or a plain directory (its *.yaml,
 * *.yml and *.json files, not subdirectories: a repo's k8s/ folder usually holds a base and overlays that
 * must not be linted as one set).
 */
export async function loadPaths(
  paths: string[],
  workspace: string,
  rendered?: Kustomized,
  readStdin: () => Promise<string> = async () => fs.readFileSync(0, 'utf8'),
): Promise<LintDoc[]> {
  const overlay = async (dir: string) =>
    kustomizedDocs(rendered?.dir === dir ? rendered : await kustomize({ bin: 'kubectl' }, dir), workspace);
  const docs: LintDoc[] = [];
  for (const p of paths) {
    if (p === '-') {
      docs.push(...parseManifests(await readStdin(), undefined, workspace));
      continue;
    }
    const abs = path.resolve(p);
    if (!fs.existsSync(abs))
      throw new ActionError(
        `'${p}' does not exist`,
        undefined,
        'give a manifest file, a directory or a kustomize overlay',
      );
    // A kustomization.yaml named directly means its overlay, not the file's own (non-Kubernetes) object.
    if (KUSTOMIZATION_FILES.includes(path.basename(abs))) docs.push(...(await overlay(path.dirname(abs))));
    else if (fs.statSync(abs).isDirectory()) {
      if (kustomizationIn(abs)) docs.push(...(await overlay(abs)));
      else
        for (const f of fs
          .readdirSync(abs)
          .filter((n) => /\.(ya?ml|json)$/i.test(n))
          .sort()) {
          const file = path.join(abs, f);
          docs.push(...parseManifests(fs.readFileSync(file, 'utf8'), file, workspace));
        }
    } else docs.push(...parseManifests(fs.readFileSync(abs, 'utf8'), abs, workspace));
  }
  return docs;
}
