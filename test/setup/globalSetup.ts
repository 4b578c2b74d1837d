/**
 * Jest's global set-up, once per run before any test: the run's temporary folder (runFolder.ts)
 * and, in the background, the run's one LibreOffice (office.ts).
 */
import { profile, soffice } from "../xlsx/libreoffice";
import { startOffice } from "./office";
import { openRunFolder } from "./runFolder";

/** Opens the run's temporary folder and starts the run's LibreOffice. */
export default function globalSetup(): void {
  openRunFolder();
  startOffice(soffice, profile);
}
