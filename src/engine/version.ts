/**
 * The engine's version, recorded with every scoring (JSON report, `Verantwoording`),
 * so a verdict can be traced to the rules' code that gave it. Kept equal to
 * package.json's version (a test checks it).
 */
export const ENGINE_VERSION = "0.1.0";
