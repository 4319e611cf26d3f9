// Preloaded with `node -r` into servers that bind every interface (server-everything): binds 127.0.0.1
// instead, and prints the port it got, so tests can use PORT=0 and never expose a server off loopback.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    const port = Number(args[0]);
    const rest = typeof args[1] === 'string' ? args.slice(2) : args.slice(1);
    args = [port, '127.0.0.1', ...rest];
  } else if (args[0] && typeof args[0] === 'object' && !Array.isArray(args[0]) && 'port' in args[0]) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  this.once('listening', () => {
    const a = this.address();
    if (a && typeof a === 'object') process.stderr.write(`loopback-listen: ${a.address}:${a.port}\n`);
  });
  return listen.apply(this, args);
};
