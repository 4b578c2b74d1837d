/**
 * Jest's global set-up, once per run before any test: the run's temporary folder (runFolder.ts)
 * and, when every test file runs, in the background, the run's one LibreOffice (office.ts) and
 * the production build that the security and metadata tests read (productionBuild.ts).
 */
import type { Config } from "@jest/types";
import { startProductionBuild } from "../security/productionBuild";
import { profile, soffice } from "../xlsx/libreoffice";
import { startOffice } from "./office";
import { openRunFolder } from "./runFolder";

/** Whether the run is of some test files only (a path, a name, changed files, some projects). */
function filtered(config: Config.GlobalConfig): boolean {
  return (
    config.testPathPatterns.patterns.length > 0 ||
    !!config.testNamePattern ||
    config.onlyChanged ||
    config.findRelatedTests ||
    // jest has already left the other projects out of the config by now
    process.argv.some((arg) => /^--(select|ignore)Projects/.test(arg))
  );
}

/** Opens the run's temporary folder; in a full run, starts its LibreOffice and its build. */
export default function globalSetup(config: Config.GlobalConfig): void {
  openRunFolder();
  if (filtered(config)) return; // what these files need, they start themselves
  startOffice(soffice, profile);
  startProductionBuild();
}
