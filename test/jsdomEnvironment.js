/**
 * Jest's jsdom environment (jest-environment-jsdom, unchanged) for the task pane's tests, with
 * `npm run test:cpu`'s meter (test/setup/cpuTimes.js).
 */
const { TestEnvironment } = require("jest-environment-jsdom");
const { cpuMeter } = require("./setup/cpuTimes");

class MeteredJsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.cpu = cpuMeter(context.testPath);
  }

  async handleTestEvent(event, state) {
    if (super.handleTestEvent) await super.handleTestEvent(event, state);
    this.cpu?.event(event.name);
  }
}

module.exports = MeteredJsdomEnvironment;
