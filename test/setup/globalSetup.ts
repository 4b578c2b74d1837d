/** Jest's global set-up, once per run before any test: the run's temporary folder (runFolder.ts). */
import { openRunFolder } from "./runFolder";

/** Opens the run's temporary folder. */
export default function globalSetup(): void {
  openRunFolder();
}
