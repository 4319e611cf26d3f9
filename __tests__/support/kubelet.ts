/**
 * A kubelet for the k8s simulator: every pod becomes a real container of its image on a private dockerd
 * (__tests__/support/dockerd.ts), attached to a bridge network this kubelet creates (the engine itself runs
 * with --bridge=none --iptables=false; a user-defined bridge still gives each container an address the host
 * reaches directly). Probes run against that address, an exiting process restarts with back-off, `kubectl
 * logs` are the container's logs, and an Ingress host is served by a reverse proxy on 127.0.0.1.
 *
 * Only the network created here is ever addressed: pod IPs come from it, and the proxy and the probers
 * connect to pod IPs only. stop() removes every container (by label) and the network, also after a failure.
 *
 * Limits, kept honest: one container per pod (a second one is reported CreateContainerConfigError);
 * emptyDir volumes are tmpfs mounts; resources are not enforced; no Service ClusterIP is routable (the
 * proxy resolves a Service to its ready pods itself); a startupProbe holds back the other probes.
 */
import { execFile, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

type Obj = Record<string, any>;

export interface KubeletOptions {
  /** DOCKER_HOST (and DOCKER_CONFIG) of the harness's private dockerd. */
  dockerEnv: { DOCKER_HOST: string; DOCKER_CONFIG?: string };
  /**
   * Multiplies every duration taken from a pod spec (probe delays and periods) and the restart back-off
   * (10 s doubling up to 5 min, as the real kubelet). Default 1; tests use e.g. 0.1.
   */
  timeScale?: number;
}

/** What the kubelet needs from the simulator: its objects, a way to write pod status, and events. */
export interface KubeletHost {
  list(resource: string, namespace?: string): Obj[];
  get(resource: string, namespace: string | undefined, name: string): Obj | undefined;
  /** Replaces a pod's status (internal update: no resourceVersion check). */
  writePodStatus(pod: Obj, status: Obj): void;
  event(obj: Obj, reason: string, message: string, opts?: { type?: string; fieldPath?: string }): void;
}

export interface Kubelet {
  /** The docker network (and Linux bridge) name. */
  network: string;
  /** Its subnet, e.g. 10.123.45.0/24. */
  subnet: string;
  /** http://127.0.0.1:<port>: the Ingress proxy. Send `Host: <ingress host>`. */
  ingressUrl: string;
  ingressPort: number;
  /** Called by the controller on every tick with all pods: starts and stops containers. */
  sync(pods: Obj[]): void;
  /** `ip:port` of the ready pods behind a Service port (the Service's endpoints). */
  endpoints(namespace: string, service: string, port?: number | string): string[];
  /** The pod's container output (stdout and stderr); `previous`: the container that ran before. */
  logs(pod: Obj, opts: { previous: boolean; tail?: number }): Promise<string>;
  stop(): Promise<void>;
}

const LABEL = 'io.mcp-deploy.k8s-sim';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

function docker(
  env: NodeJS.ProcessEnv,
  args: string[],
  opts: { timeoutMs?: number; extraEnv?: Record<string, string> } = {},
): Promise<DockerResult> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      args,
      {
        env: { ...env, ...(opts.extraEnv ?? {}) },
        timeout: opts.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as any).code === 'number' ? (err as any).code : 1) : 0;
        resolve({
          code,
          stdout: String(stdout),
          stderr: String(stderr) || (err && !stderr ? err.message : ''),
        });
      },
    );
  });
}

/** /24s already routed on this host (other harnesses' bridges included), from /proc/net/route. */
function routedPrefixes(): Set<string> {
  const out = new Set<string>();
  try {
    for (const line of fs.readFileSync('/proc/net/route', 'utf8').split('\n').slice(1)) {
      const dest = line.split('\t')[1];
      if (!dest || dest === '00000000') continue;
      const n = Number.parseInt(dest, 16);
      out.add(`${n & 255}.${(n >> 8) & 255}.${(n >> 16) & 255}`);
    }
  } catch {
    /* no procfs: rely on docker's own overlap check */
  }
  return out;
}

const k8sTime = (ms = Date.now()): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

interface Prober {
  successes: number;
  failures: number;
  ok: boolean;
  nextAt: number;
}

interface PodRun {
  uid: string;
  ns: string;
  name: string;
  stopped: boolean;
  /** Names of containers created for this pod, oldest first (the previous one serves --previous). */
  containers: string[];
  done: Promise<void>;
}

export async function startKubelet(host: KubeletHost, opts: KubeletOptions): Promise<Kubelet> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.dockerEnv };
  const scale = opts.timeScale ?? 1;
  const id = crypto.randomBytes(4).toString('hex');
  const network = `mcpk-${id}`;
  let subnet = '';
  const used = routedPrefixes();
  for (let attempt = 0; attempt < 8 && !subnet; attempt++) {
    const prefix = `10.${crypto.randomInt(64, 255)}.${crypto.randomInt(0, 256)}`;
    if (used.has(prefix)) continue;
    const r = await docker(env, [
      'network',
      'create',
      '--driver',
      'bridge',
      '--subnet',
      `${prefix}.0/24`,
      '-o',
      `com.docker.network.bridge.name=${network}`,
      '--label',
      `${LABEL}=${id}`,
      network,
    ]);
    if (r.code === 0) subnet = `${prefix}.0/24`;
    else if (!/overlap/i.test(r.stderr)) throw new Error(`docker network create failed: ${r.stderr.trim()}`);
  }
  if (!subnet) throw new Error('docker network create: no free private /24 found in 8 attempts');

  const runs = new Map<string, PodRun>();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-kubelet-'));
  let stopping = false;

  const containerName = (p: Obj, restart: number) =>
    `k8s_${p.metadata.namespace}_${p.metadata.name}_${restart}_${id}`.replace(/[^a-zA-Z0-9_.-]/g, '_');

  /* --- pod spec -> docker run arguments */

  function configMapData(ns: string, name: string, kind: 'configmaps' | 'secrets'): Obj | undefined {
    const o = host.get(kind, ns, name);
    if (!o) return undefined;
    if (kind === 'configmaps') return { ...(o.data ?? {}) };
    const out: Obj = { ...(o.stringData ?? {}) };
    for (const [k, v] of Object.entries(o.data ?? {}))
      out[k] = Buffer.from(String(v), 'base64').toString('utf8');
    return out;
  }

  /** The container's environment, or the CreateContainerConfigError message. */
  function containerEnv(p: Obj, c: Obj): Record<string, string> | string {
    const ns = p.metadata.namespace;
    // The real kubelet always sets these (enableServiceLinks only governs the other Services' variables).
    const out: Record<string, string> = {
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
    };
    for (const from of (c.envFrom ?? []) as Obj[]) {
      const ref = from.configMapRef ?? from.secretRef;
      const kind = from.configMapRef ? 'configmaps' : 'secrets';
      const data = configMapData(ns, ref.name, kind);
      if (!data) {
        if (ref.optional) continue;
        return `${kind === 'configmaps' ? 'configmap' : 'secret'} "${ref.name}" not found`;
      }
      for (const [k, v] of Object.entries(data)) out[`${from.prefix ?? ''}${k}`] = String(v);
    }
    for (const e of (c.env ?? []) as Obj[]) {
      if (e.value !== undefined) {
        out[e.name] = String(e.value).replace(
          /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
          (m, k: string) => out[k] ?? m,
        );
        continue;
      }
      const vf = e.valueFrom ?? {};
      const ref = vf.configMapKeyRef ?? vf.secretKeyRef;
      if (ref) {
        const kind = vf.configMapKeyRef ? 'configmaps' : 'secrets';
        const data = configMapData(ns, ref.name, kind);
        const what = kind === 'configmaps' ? 'configmap' : 'secret';
        if (!data) {
          if (ref.optional) continue;
          return `${what} "${ref.name}" not found`;
        }
        if (data[ref.key] === undefined) {
          if (ref.optional) continue;
          return `couldn't find key ${ref.key} in ${what} ${ns}/${ref.name}`;
        }
        out[e.name] = String(data[ref.key]);
      } else if (vf.fieldRef) {
        const f = String(vf.fieldRef.fieldPath);
        const v =
          f === 'metadata.name'
            ? p.metadata.name
            : f === 'metadata.namespace'
              ? ns
              : f === 'spec.nodeName'
                ? p.spec.nodeName
                : undefined;
        if (v !== undefined) out[e.name] = String(v);
      }
    }
    return out;
  }

  function runArgs(p: Obj, c: Obj, name: string, envNames: string[]): string[] {
    const psc: Obj = p.spec.securityContext ?? {};
    const sc: Obj = c.securityContext ?? {};
    const uid = sc.runAsUser ?? psc.runAsUser;
    const gid = sc.runAsGroup ?? psc.runAsGroup;
    const args = ['create', '--name', name, '--network', network, '--label', `${LABEL}=${id}`];
    args.push('--label', `${LABEL}.pod=${p.metadata.uid}`);
    if (uid !== undefined) args.push('--user', gid !== undefined ? `${uid}:${gid}` : String(uid));
    if (sc.readOnlyRootFilesystem) args.push('--read-only');
    if (sc.allowPrivilegeEscalation === false) args.push('--security-opt', 'no-new-privileges');
    for (const cap of (sc.capabilities?.drop ?? []) as string[]) args.push('--cap-drop', cap);
    for (const cap of (sc.capabilities?.add ?? []) as string[]) args.push('--cap-add', cap);
    const volumes = new Map(((p.spec.volumes ?? []) as Obj[]).map((v) => [v.name, v]));
    for (const m of (c.volumeMounts ?? []) as Obj[]) {
      if (volumes.get(m.name)?.emptyDir) args.push('--tmpfs', `${m.mountPath}:mode=1777`);
    }
    if (c.workingDir) args.push('--workdir', c.workingDir);
    // Values travel in the docker CLI's environment (`-e NAME`), never in argv.
    for (const k of envNames) args.push('-e', k);
    const command = (c.command ?? []) as string[];
    if (command.length) args.push('--entrypoint', command[0]);
    args.push(c.image, ...command.slice(1), ...((c.args ?? []) as string[]));
    return args;
  }

  /* --- probes */

  function portOf(c: Obj, port: unknown): number | undefined {
    if (typeof port === 'number') return port;
    if (/^\d+$/.test(String(port))) return Number(port);
    return ((c.ports ?? []) as Obj[]).find((x) => x.name === port)?.containerPort;
  }

  function probeOnce(probe: Obj, c: Obj, ip: string, container: string): Promise<boolean> {
    const timeoutMs = Number(probe.timeoutSeconds ?? 1) * 1000;
    if (probe.httpGet) {
      const port = portOf(c, probe.httpGet.port);
      if (!port) return Promise.resolve(false);
      const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.32' };
      for (const h of (probe.httpGet.httpHeaders ?? []) as Obj[]) headers[h.name] = h.value;
      return new Promise((resolve) => {
        const req = http.get(
          { host: ip, port, path: probe.httpGet.path ?? '/', headers, timeout: timeoutMs },
          (res) => {
            res.resume();
            const s = res.statusCode ?? 0;
            resolve(s >= 200 && s < 400);
          },
        );
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', () => resolve(false));
      });
    }
    if (probe.tcpSocket) {
      const port = portOf(c, probe.tcpSocket.port);
      if (!port) return Promise.resolve(false);
      return new Promise((resolve) => {
        const s = net.connect({ host: ip, port, timeout: timeoutMs }, () => {
          s.destroy();
          resolve(true);
        });
        s.on('timeout', () => s.destroy(new Error('timeout')));
        s.on('error', () => resolve(false));
      });
    }
    if (probe.exec?.command) {
      return docker(env, ['exec', container, ...(probe.exec.command as string[])], { timeoutMs }).then(
        (r) => r.code === 0,
      );
    }
    return Promise.resolve(true);
  }

  /* --- the pod loop */

  async function runPod(p0: Obj, run: PodRun): Promise<void> {
    const containers = (p0.spec?.containers ?? []) as Obj[];
    const c = containers[0];
    const fp = `spec.containers{${c.name}}`;
    const latest = () => host.get('pods', run.ns, run.name);
    const status: Obj = {
      phase: 'Pending',
      conditions: [],
      hostIP: '127.0.0.1',
      hostIPs: [{ ip: '127.0.0.1' }],
      startTime: k8sTime(),
      qosClass: 'BestEffort',
      containerStatuses: containers.map((x) => ({
        name: x.name,
        image: x.image,
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
      })),
    };
    const cs = status.containerStatuses[0] as Obj;
    const cond = (type: string, ok: boolean, reason?: string, message?: string) => {
      const list = status.conditions as Obj[];
      const value = ok ? 'True' : 'False';
      const cur = list.find((x) => x.type === type);
      if (cur && cur.status === value && cur.reason === reason) return;
      const nc: Obj = { type, status: value, lastProbeTime: null, lastTransitionTime: k8sTime() };
      if (reason) nc.reason = reason;
      if (message) nc.message = message;
      if (cur) list.splice(list.indexOf(cur), 1, nc);
      else list.push(nc);
    };
    const setReady = (ok: boolean) => {
      cs.ready = ok;
      const why = ok ? [] : ['ContainersNotReady', `containers with unready status: [${c.name}]`];
      cond('Ready', ok, ...why);
      cond('ContainersReady', ok, ...why);
    };
    let written = '';
    const write = () => {
      const cur = latest();
      if (!cur || run.stopped) return;
      const text = JSON.stringify(status);
      if (text === written) return;
      written = text;
      host.writePodStatus(cur, JSON.parse(text));
    };
    const wait = async (ms: number) => {
      const end = Date.now() + ms;
      while (!run.stopped && Date.now() < end) await sleep(Math.min(100, end - Date.now()));
    };
    const backoff = (n: number) => Math.min(10_000 * 2 ** n, 300_000) * scale;

    cond('PodScheduled', true);
    cond('Initialized', true);
    setReady(false);
    for (const extra of status.containerStatuses.slice(1) as Obj[]) {
      extra.state = {
        waiting: {
          reason: 'CreateContainerConfigError',
          message: 'the k8s-sim kubelet runs one container per pod',
        },
      };
    }
    write();
    host.event(p0, 'Scheduled', `Successfully assigned ${run.ns}/${run.name} to sim-node`);

    // Pull: IfNotPresent skips images the engine has; Always (or :latest / no tag) pulls every time.
    const image = String(c.image);
    const tagless = !image.includes('@') && !/:[^/]+$/.test(image);
    const policy = c.imagePullPolicy ?? (tagless || image.endsWith(':latest') ? 'Always' : 'IfNotPresent');
    for (let attempt = 0; !run.stopped; attempt++) {
      if (policy !== 'Always' && (await docker(env, ['image', 'inspect', image])).code === 0) break;
      host.event(p0, 'Pulling', `Pulling image "${image}"`, { fieldPath: fp });
      const started = Date.now();
      const r = await docker(env, ['pull', '--quiet', image], { timeoutMs: 300_000 });
      if (r.code === 0) {
        host.event(p0, 'Pulled', `Successfully pulled image "${image}" in ${Date.now() - started}ms`, {
          fieldPath: fp,
        });
        break;
      }
      const msg = `failed to pull image "${image}": ${r.stderr.trim().split('\n').pop()}`;
      cs.state = { waiting: { reason: 'ErrImagePull', message: msg } };
      write();
      host.event(p0, 'Failed', `Failed to pull image "${image}": ${msg}`, { type: 'Warning', fieldPath: fp });
      await wait(Math.min(2000, backoff(attempt)));
      cs.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } };
      write();
      host.event(p0, 'BackOff', `Back-off pulling image "${image}"`, { fieldPath: fp });
      await wait(backoff(attempt));
    }
    if (run.stopped) return;
    const inspect = await docker(env, ['image', 'inspect', '--format', '{{json .}}', image]);
    const imageInfo: Obj = inspect.code === 0 ? JSON.parse(inspect.stdout) : {};
    const repoDigest = ((imageInfo.RepoDigests ?? []) as string[])[0];
    cs.imageID = repoDigest ? `docker-pullable://${repoDigest}` : String(imageInfo.Id ?? '');

    let restarts = 0;
    while (!run.stopped) {
      // Config errors are re-evaluated on every attempt, as the kubelet does: a ConfigMap may appear later.
      const envOrError = containerEnv(latest() ?? p0, c);
      const sc: Obj = { ...(p0.spec.securityContext ?? {}), ...(c.securityContext ?? {}) };
      const imageUser = String(imageInfo.Config?.User ?? '').split(':')[0];
      const configError =
        typeof envOrError === 'string'
          ? envOrError
          : sc.runAsNonRoot &&
              sc.runAsUser === undefined &&
              (imageUser === '' || imageUser === '0' || imageUser === 'root')
            ? 'container has runAsNonRoot and image will run as root'
            : sc.runAsNonRoot && sc.runAsUser === 0
              ? 'container has runAsNonRoot and image will run as root'
              : undefined;
      if (configError) {
        cs.state = { waiting: { reason: 'CreateContainerConfigError', message: configError } };
        write();
        host.event(p0, 'Failed', `Error: ${configError}`, { type: 'Warning', fieldPath: fp });
        await wait(backoff(0) / 5);
        continue;
      }
      const cname = containerName(p0, restarts);
      const vars = envOrError as Record<string, string>;
      const created = await docker(env, runArgs(p0, c, cname, Object.keys(vars)), { extraEnv: vars });
      if (created.code !== 0) {
        cs.state = { waiting: { reason: 'CreateContainerError', message: created.stderr.trim() } };
        write();
        await wait(backoff(0) / 5);
        continue;
      }
      run.containers.push(cname);
      // Keep this container and the one before it (`kubectl logs --previous`); remove older ones.
      while (run.containers.length > 2) await docker(env, ['rm', '-f', run.containers.shift()!]);
      if (run.stopped) break;
      host.event(p0, 'Created', `Created container: ${c.name}`, { fieldPath: fp });
      const startedAt = Date.now();
      const st = await docker(env, ['start', cname]);
      if (st.code !== 0) {
        // e.g. the entrypoint does not exist: docker reports it at start, the container never ran
        cs.state = { waiting: { reason: 'RunContainerError', message: st.stderr.trim() } };
      }
      const ipR = await docker(env, [
        'inspect',
        '--format',
        `{{(index .NetworkSettings.Networks "${network}").IPAddress}}|{{.Id}}`,
        cname,
      ]);
      const [ip, cid] = ipR.stdout.trim().split('|');
      if (st.code === 0) {
        host.event(p0, 'Started', `Started container ${c.name}`, { fieldPath: fp });
        status.phase = 'Running';
        if (ip) {
          status.podIP = ip;
          status.podIPs = [{ ip }];
        }
        cs.containerID = `docker://${cid}`;
        cs.state = { running: { startedAt: k8sTime(startedAt) } };
        cs.started = !c.startupProbe;
        setReady(false);
        write();
      }
      const probers: Record<'startup' | 'readiness' | 'liveness', Prober> = {
        startup: { successes: 0, failures: 0, ok: !c.startupProbe, nextAt: 0 },
        readiness: { successes: 0, failures: 0, ok: false, nextAt: 0 },
        liveness: { successes: 0, failures: 0, ok: true, nextAt: 0 },
      };
      for (const [k, pr] of Object.entries(probers)) {
        const spec = c[`${k}Probe`];
        pr.nextAt = startedAt + Number(spec?.initialDelaySeconds ?? 0) * 1000 * scale;
      }
      let killedByLiveness = false;
      // Watch the process and run the probes until it exits or the pod goes away.
      while (!run.stopped && st.code === 0) {
        const s = await docker(env, ['inspect', '--format', '{{json .State}}', cname]);
        if (s.code !== 0) break;
        const state = JSON.parse(s.stdout) as Obj;
        if (!state.Running) break;
        const now = Date.now();
        for (const kind of ['startup', 'liveness', 'readiness'] as const) {
          const spec = c[`${kind}Probe`] as Obj | undefined;
          const pr = probers[kind];
          if (kind !== 'startup' && !probers.startup.ok) continue;
          if (kind === 'startup' && pr.ok) continue;
          if (!spec) {
            if (kind === 'readiness') pr.ok = true;
            continue;
          }
          if (now < pr.nextAt || !ip) continue;
          pr.nextAt = now + Number(spec.periodSeconds ?? 10) * 1000 * scale;
          const ok = await probeOnce(spec, c, ip, cname);
          if (ok) {
            pr.failures = 0;
            pr.successes++;
            if (pr.successes >= Number(spec.successThreshold ?? 1)) pr.ok = true;
          } else {
            pr.successes = 0;
            pr.failures++;
            if (pr.failures >= Number(spec.failureThreshold ?? 3)) pr.ok = false;
            host.event(p0, 'Unhealthy', `${kind[0].toUpperCase()}${kind.slice(1)} probe failed`, {
              type: 'Warning',
              fieldPath: fp,
            });
          }
          if (kind === 'startup' && pr.ok) cs.started = true;
        }
        if (
          (c.livenessProbe && !probers.liveness.ok) ||
          (c.startupProbe &&
            !probers.startup.ok &&
            probers.startup.failures >= Number(c.startupProbe.failureThreshold ?? 3))
        ) {
          host.event(p0, 'Killing', `Container ${c.name} failed a probe, will be restarted`, {
            fieldPath: fp,
          });
          killedByLiveness = true;
          await docker(env, ['kill', cname]);
          continue;
        }
        const ready = probers.startup.ok && probers.readiness.ok;
        if (ready !== cs.ready) setReady(ready);
        write();
        await wait(Math.min(200, 1000 * scale));
      }
      if (run.stopped) break;
      // The process ended: record it, back off, start a fresh container (restartPolicy Always/OnFailure).
      const end = JSON.parse(
        (await docker(env, ['inspect', '--format', '{{json .State}}', cname])).stdout || '{}',
      );
      const exitCode = Number(end.ExitCode ?? 128);
      setReady(false);
      cs.started = false;
      cs.lastState = {
        terminated: {
          exitCode,
          reason: killedByLiveness ? 'Error' : exitCode === 0 ? 'Completed' : 'Error',
          startedAt: k8sTime(startedAt),
          finishedAt: k8sTime(end.FinishedAt ? Date.parse(end.FinishedAt) : Date.now()),
          containerID: `docker://${cid}`,
        },
      };
      const policy = p0.spec.restartPolicy ?? 'Always';
      if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) {
        status.phase = exitCode === 0 ? 'Succeeded' : 'Failed';
        cs.state = { terminated: cs.lastState.terminated };
        cs.lastState = {};
        write();
        return;
      }
      const delay = backoff(restarts);
      restarts++;
      cs.restartCount = restarts;
      cs.state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${Math.round(delay / 1000)}s restarting failed container=${c.name} pod=${run.name}_${run.ns}(${run.uid})`,
        },
      };
      write();
      host.event(
        p0,
        'BackOff',
        `Back-off restarting failed container ${c.name} in pod ${run.name}_${run.ns}(${run.uid})`,
        {
          type: 'Warning',
          fieldPath: fp,
        },
      );
      await wait(delay);
    }
  }

  function startPod(p: Obj): void {
    const run: PodRun = {
      uid: p.metadata.uid,
      ns: p.metadata.namespace,
      name: p.metadata.name,
      stopped: false,
      containers: [],
      done: Promise.resolve(),
    };
    runs.set(run.uid, run);
    run.done = runPod(p, run)
      .catch((e) => {
        host.event(p, 'Failed', `k8s-sim kubelet: ${String((e as Error)?.message ?? e)}`, {
          type: 'Warning',
        });
      })
      .then(async () => {
        if (run.stopped) for (const n of run.containers) await docker(env, ['rm', '-f', n]);
      });
  }

  async function stopPod(run: PodRun): Promise<void> {
    run.stopped = true;
    runs.delete(run.uid);
    await run.done;
    for (const n of run.containers.splice(0)) await docker(env, ['rm', '-f', n]);
  }

  /* --- Services and the Ingress proxy */

  function readyPods(ns: string, selector: Obj | undefined): Obj[] {
    if (!selector || !Object.keys(selector).length) return [];
    return host
      .list('pods', ns)
      .filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
      .filter((p) => runs.has(p.metadata.uid) && p.status?.podIP)
      .filter((p) =>
        ((p.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True'),
      );
  }

  function endpoints(ns: string, service: string, port?: number | string): string[] {
    const svc = host.get('services', ns, service);
    if (!svc) return [];
    const ports = (svc.spec?.ports ?? []) as Obj[];
    const sp =
      port === undefined
        ? ports[0]
        : ports.find((x) => x.port === Number(port) || (x.name && x.name === port));
    if (!sp) return [];
    return readyPods(ns, svc.spec.selector).flatMap((p) => {
      const c = (p.spec.containers ?? [])[0] ?? {};
      const target = portOf(c, sp.targetPort ?? sp.port);
      return target ? [`${p.status.podIP}:${target}`] : [];
    });
  }

  function route(
    hostHeader: string,
    urlPath: string,
  ): { ns: string; service: string; port: number | string } | undefined {
    const name = hostHeader.replace(/:\d+$/, '').toLowerCase();
    let best: { len: number; ns: string; service: string; port: number | string } | undefined;
    for (const ing of host.list('ingresses')) {
      for (const rule of (ing.spec?.rules ?? []) as Obj[]) {
        if (rule.host && String(rule.host).toLowerCase() !== name) continue;
        for (const hp of (rule.http?.paths ?? []) as Obj[]) {
          const p = String(hp.path ?? '/');
          const exact = hp.pathType === 'Exact';
          const match = exact
            ? urlPath === p
            : p === '/' || urlPath === p || urlPath.startsWith(p.endsWith('/') ? p : `${p}/`);
          const svc = hp.backend?.service;
          if (!match || !svc) continue;
          const len = p.length + (rule.host ? 1000 : 0);
          if (!best || len > best.len)
            best = {
              len,
              ns: ing.metadata.namespace,
              service: svc.name,
              port: svc.port?.number ?? svc.port?.name,
            };
        }
      }
    }
    return best;
  }

  let rr = 0;
  const proxy = http.createServer((req, res) => {
    const u = new URL(req.url || '/', 'http://x');
    const r = route(String(req.headers.host ?? ''), u.pathname);
    const fail = (code: number, msg: string) => {
      res.writeHead(code, { 'Content-Type': 'text/plain' });
      res.end(`${msg}\n`);
    };
    if (!r) return fail(404, `k8s-sim ingress: no Ingress rule for host ${req.headers.host ?? ''}`);
    const eps = endpoints(r.ns, r.service, r.port);
    if (!eps.length) return fail(503, `k8s-sim ingress: no ready endpoints for service ${r.ns}/${r.service}`);
    const [ip, port] = eps[rr++ % eps.length].split(':');
    const up = http.request(
      {
        host: ip,
        port: Number(port),
        method: req.method,
        path: req.url,
        headers: req.headers,
        timeout: 60_000,
      },
      (ur) => {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        // SSE and streamed bodies pass through as they arrive: no buffering, headers sent at once.
        res.flushHeaders();
        ur.pipe(res);
      },
    );
    up.on('timeout', () => up.destroy(new Error('upstream timeout')));
    up.on('error', (e) => {
      if (!res.headersSent) fail(502, `k8s-sim ingress: ${e.message}`);
      else res.destroy();
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const ingressPort = (proxy.address() as net.AddressInfo).port;

  async function logs(pod: Obj, o: { previous: boolean; tail?: number }): Promise<string> {
    const run = runs.get(pod.metadata.uid);
    const names = run?.containers ?? [];
    const name = o.previous ? names.at(-2) : names.at(-1);
    if (!name) return '';
    // One file for both streams keeps the container's interleaving of stdout and stderr.
    const file = path.join(logDir, `${crypto.randomBytes(6).toString('hex')}.log`);
    const fd = fs.openSync(file, 'w');
    try {
      await new Promise<void>((resolve) => {
        const args = ['logs', ...(o.tail !== undefined ? ['--tail', String(o.tail)] : []), name];
        const child = spawn('docker', args, { env, stdio: ['ignore', fd, fd] });
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
        child.on('error', () => resolve());
      });
      return fs.readFileSync(file, 'utf8');
    } finally {
      fs.closeSync(fd);
      fs.rmSync(file, { force: true });
    }
  }

  let stopped: Promise<void> | undefined;
  return {
    network,
    subnet,
    ingressPort,
    ingressUrl: `http://127.0.0.1:${ingressPort}`,
    sync(pods: Obj[]) {
      if (stopping) return;
      const present = new Set(pods.map((p) => p.metadata.uid));
      for (const run of [...runs.values()]) if (!present.has(run.uid)) void stopPod(run);
      for (const p of pods) if (!runs.has(p.metadata.uid) && (p.spec?.containers ?? []).length) startPod(p);
    },
    endpoints,
    logs,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await new Promise<void>((resolve) => {
          proxy.close(() => resolve());
          proxy.closeAllConnections();
        });
        await Promise.all([...runs.values()].map((r) => stopPod(r)));
        // Anything left with our label (a loop that failed half way) goes too.
        const left = await docker(env, ['ps', '-aq', '--filter', `label=${LABEL}=${id}`]);
        const ids = left.stdout.split('\n').filter(Boolean);
        if (ids.length) await docker(env, ['rm', '-f', ...ids]);
        await docker(env, ['network', 'rm', network]);
        fs.rmSync(logDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
