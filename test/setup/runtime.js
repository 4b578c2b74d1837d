/**
 * Jest's runtime (jest-runtime, unchanged) with each module compiled once per worker
 * (compileCache.js). jest.config.js names this file as every project's `runtime`: jest-runner
 * requires it once in each worker, before the worker's first test file.
 */
const { install } = require("./compileCache");

install();

module.exports = require("jest-runtime");
