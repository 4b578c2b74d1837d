/** Debian's Chromium, headless, as the e2e run and the pane bench start it (playwright-core, never its own download). */
import { chromium, type BrowserContext } from "playwright-core";

/**
 * A headless Chromium with its own profile folder: `/usr/bin/chromium` (or the
 * CHROMIUM environment variable), the task pane's width, no network of its own.
 *
 * @example
 * const context = await launchChromium(fs.mkdtempSync(path.join(os.tmpdir(), "profile-")));
 */
export function launchChromium(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 360, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
