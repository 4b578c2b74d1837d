/**
 * The run's one LibreOffice (office.ts): conversions go to it and it stays for the next one; a
 * LibreOffice started for a jest process that ends stops too, and leaves no pipe in /tmp.
 */
import { spawn } from "child_process";
import fs from "fs";
import path from "path";
import { listeningPipe, officePid, residentProfile, startOffice, stopOffice } from "./office";
import { runFolder } from "./runFolder";
import { convert, csvRows, profile, soffice } from "../xlsx/libreoffice";

const linux = fs.existsSync("/proc/net/unix");

/** Waits until `done()` or `ms` have passed; returns whether it was done. */
async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

beforeAll(() => {
  if (!soffice) throw new Error("LibreOffice (soffice) is needed for this test");
  if (!linux) throw new Error("/proc is needed to find LibreOffice's pipe");
});

test("the run's conversions go to one LibreOffice, which stays after each", () => {
  const dir = fs.mkdtempSync(path.join(runFolder()!, "office-"));
  try {
    let pid: number | null = null;
    for (const [name, text] of [
      ["a", "naam,uren\nJan,36\n"],
      ["b", "naam,uren\nPiet,32\n"],
    ]) {
      fs.writeFileSync(path.join(dir, `${name}.csv`), text);
      convert(dir, path.join(dir, `${name}.csv`), "xlsx", path.join(dir, "xlsx"));
      expect(fs.existsSync(path.join(dir, "xlsx", `${name}.xlsx`))).toBe(true);
      // the run's one LibreOffice converted it, and it is the same one, still listening: it did
      // not end after the conversion
      const resident = residentProfile();
      expect(resident).toMatch(/^file:\/\/.*run-shared-libreoffice-resident\/profile$/);
      const folder = path.dirname(resident!.slice("file://".length));
      pid ??= officePid(folder);
      expect(officePid(folder)).toBe(pid);
      expect(listeningPipe(pid!)).toMatch(/^\/tmp\/OSL_PIPE_\d+_SingleOfficeIPC_/);
    }
    // and what it wrote is LibreOffice's reading of the file
    convert(dir, path.join(dir, "xlsx", "b.xlsx"), "csv", path.join(dir, "csv"));
    const rows = csvRows(fs.readFileSync(path.join(dir, "csv", "b.csv"), "utf8"));
    expect(rows).toEqual([
      ["naam", "uren"],
      ["Piet", "32"],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("when its jest process ends, its LibreOffice ends and leaves no pipe in /tmp", async () => {
  const folder = fs.mkdtempSync(path.join(runFolder()!, "office-"));
  const dir = path.join(folder, "office");
  const parent = spawn("sleep", ["120"], { stdio: "ignore" });
  try {
    startOffice(soffice, profile, dir, parent.pid!);
    expect(residentProfile(dir)).toBe(`file://${path.join(dir, "profile")}`);
    const pid = officePid(dir)!;
    const pipe = listeningPipe(pid)!;
    expect(fs.existsSync(pipe)).toBe(true);

    parent.kill();
    expect(await until(() => !fs.existsSync(`/proc/${pid}`), 20_000)).toBe(true);
    expect(await until(() => !fs.existsSync(pipe), 5_000)).toBe(true);
    expect(await until(() => officePid(dir) === null, 5_000)).toBe(true);
    // a conversion that asks now does not wait for it (it starts LibreOffice of its own), and
    // nothing is left for the teardown to stop
    const asked = Date.now();
    expect(residentProfile(dir)).toBeNull();
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(stopOffice(dir)).toBeNull();
  } finally {
    parent.kill();
    stopOffice(dir);
    fs.rmSync(folder, { recursive: true, force: true });
  }
}, 120_000);
