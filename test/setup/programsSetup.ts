/** Global set-up of the `programs` project (the tests of the real binary): lib/ compiled once, before any worker starts. */
import { ensureCompiledCommand } from "./compiledCommand";

/** Compiles lib/ when a source is newer than it. */
export default function programsSetup(): void {
  ensureCompiledCommand();
}
