/**
 * Jest's Node environment with one change: the tests' global object is an ordinary one
 * (vm.constants.DONT_CONTEXTIFY, Node 20.18+/22.8+) instead of a "contextified" proxy.
 * jest-environment-node 30 creates its context around a Proxy (to delete at teardown what a
 * test set on the global); every global lookup of code run in it (Math, Number, JSON, Object
 * … in our sources and in ExcelJS, saxes, pdfjs) then goes through V8's interceptor and that
 * Proxy: `Math.min` in a hot loop measured 20× slower (cellRef: 1.5 s instead of 0.07 s for
 * a million calls). The context is dropped with the environment after its file, so what a
 * test left on the global goes with it. It also carries `npm run test:cpu`'s meter
 * (test/setup/cpuTimes.js).
 */
const vm = require("vm");
const { TestEnvironment } = require("jest-environment-node");
const { cpuMeter } = require("./setup/cpuTimes");

class OrdinaryGlobalEnvironment extends TestEnvironment {
  constructor(config, context) {
    const createContext = vm.createContext;
    // Only during jest's constructor: it creates the context around its own proxy.
    vm.createContext = () => createContext(vm.constants.DONT_CONTEXTIFY);
    try {
      super(config, context);
    } finally {
      vm.createContext = createContext;
    }
    this.cpu = cpuMeter(context.testPath);
  }

  async handleTestEvent(event, state) {
    if (super.handleTestEvent) await super.handleTestEvent(event, state);
    this.cpu?.event(event.name);
  }
}

module.exports = OrdinaryGlobalEnvironment;
