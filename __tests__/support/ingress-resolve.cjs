// Preloaded with `node -r` into a process that must reach the simulator's Ingress proxy by its host name,
// the way `curl --resolve` does: the names in MCP_SIM_INGRESS_HOSTS (comma separated) resolve to 127.0.0.1,
// every other name resolves as usual. The URL, the Host header and the TLS-free connection stay what a
// user's client would use; only the address lookup is pinned to the loopback proxy.
const dns = require('node:dns');

const names = new Set(
  (process.env.MCP_SIM_INGRESS_HOSTS || '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean),
);
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  if (typeof options === 'number') options = { family: options };
  if (names.has(String(hostname).toLowerCase())) {
    const all = options && options.all;
    return process.nextTick(() =>
      all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4),
    );
  }
  return lookup.call(this, hostname, options, callback);
};

/** For in-process clients (jest): pin more names to the loopback proxy. */
module.exports = {
  pin(...hosts) {
    for (const h of hosts) names.add(String(h).toLowerCase());
  },
};
