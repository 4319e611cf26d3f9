// The action's post step: the bundle runs the cleanups when started through this file.
require('./index.js');
