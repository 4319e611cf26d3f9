import { ActionError } from '../../errors';
import { classifyKubectl } from '../../tools/kubectl';

/**
 * kubectl's connection errors, turned into one line that names the input to change. Never quotes the
 * kubeconfig: only the server address and kubectl's own first error line.
 */
export function connectionError(
  stderr: string,
  server: string | undefined,
  hasKubeconfigInput: boolean,
): ActionError {
  const where = server ? ` at ${server}` : '';
  const kubeconfig = hasKubeconfigInput ? 'kubeconfig' : undefined;
  const f = classifyKubectl({ stderr });
  if (f.context)
    return new ActionError(
      `context '${f.context}' does not exist in the kubeconfig`,
      'context',
      "use one of the kubeconfig's contexts",
    );
  if (f.kind === 'unreachable' && f.what === 'connection refused')
    return new ActionError(
      `the cluster${where} is unreachable: connection refused`,
      kubeconfig,
      'check the server address and that the API server is reachable from the runner',
    );
  if (f.kind === 'unreachable' && f.what === 'no such host')
    return new ActionError(
      `the cluster${where} is unreachable: its host name does not resolve`,
      kubeconfig,
      'check the server address in the kubeconfig',
    );
  if (f.kind === 'timeout')
    return new ActionError(
      `the cluster${where} did not answer in time`,
      kubeconfig,
      'check the server address and the network path (firewall, private cluster endpoint)',
    );
  if (f.kind === 'certificate')
    return new ActionError(
      `the cluster${where} presented a certificate that is not trusted`,
      kubeconfig,
      'set certificate-authority-data of the cluster in the kubeconfig',
    );
  if (f.kind === 'unauthorized')
    return new ActionError(
      `the cluster${where} rejected the credentials (Unauthorized)`,
      kubeconfig,
      'renew the token or client certificate in the kubeconfig',
    );
  if (f.kind === 'config')
    return new ActionError(
      `kubectl could not load the kubeconfig: ${f.line}`,
      kubeconfig ?? 'kubeconfig',
      'give the kubeconfig input, or set KUBECONFIG to a valid file',
    );
  return new ActionError(`cannot talk to the cluster${where}: ${f.line}`, kubeconfig);
}

export function namespaceError(stderr: string, namespace: string): ActionError {
  const f = classifyKubectl({ stderr });
  if (f.kind === 'not-found')
    return new ActionError(
      `namespace '${namespace}' does not exist in the cluster`,
      'namespace',
      'create it first or fix the name',
    );
  if (f.kind === 'forbidden')
    return new ActionError(
      `the credentials may not read namespace '${namespace}' (Forbidden)`,
      'kubeconfig',
      'grant get on namespaces, or on the deployments of that namespace',
    );
  return new ActionError(
    `cannot check namespace '${namespace}': ${stderr.trim().split('\n')[0]}`,
    'namespace',
  );
}

export const shortImage = (image: string): string => {
  const m = /^(.*)@sha256:([a-f0-9]{64})$/.exec(image);
  return m ? `${m[1].split('/').pop()}@${m[2].slice(0, 12)}` : (image.split('/').pop() ?? image);
};
