/**
 * One LibreOffice for the whole `jest` run. A start of LibreOffice costs about 4.5 CPU-s on this
 * machine and the tests convert some thirty times; a LibreOffice that is already running with the
 * same profile takes a `--convert-to` from a second `soffice` over its own pipe for about
 * 0.1 CPU-s and converts with the same code (this is LibreOffice's single-instance mechanism:
 * the second `soffice` hands its arguments to the first and waits until they are done). The
 * resident one is `soffice.bin` itself, started with what the `soffice` script sets (file
 * locking); the script's launcher (oosplash) would stand between its pid and its pipe.
 *
 * Two facts of LibreOffice, measured here with 7.4, make this work:
 * - a LibreOffice that has no document open ends after handling a conversion it was handed, so
 *   the resident one keeps one small text document open ({@link KEEP}) and stays; it opens its
 *   pipe before that document, so it is ready only when the document's lock file is there;
 * - the first start of a new profile sets it up and ends with exit code 81 ("restart me") before
 *   it opens its pipe, so the script below starts it again, and a pipe is only ever the real one.
 *
 * The global set-up of a full run starts it in the background ({@link startOffice}) and returns at
 * once (in a run of some files, the first conversion starts it); the first conversion waits until
 * its pipe listens ({@link residentProfile}). A small shell script
 * watches it: when the jest process is gone (even when it was killed) it stops LibreOffice. The
 * global teardown stops it too ({@link stopOffice}) and removes the pipe LibreOffice leaves in
 * /tmp when it is stopped by a signal, so the system's temporary folder keeps nothing.
 * When anything is wrong (no LibreOffice, no /proc, a conversion timed out) the conversions fall
 * back to a start of their own, as before: slower, never different.
 */
import { spawn } from "child_process";
import fs from "fs";
import path from "path";
import { LIBREOFFICE_PROFILE, runFolder } from "./runFolder";

/** The folder of the resident LibreOffice in the run's folder (its profile, pid, log). */
const OFFICE_FOLDER = `${LIBREOFFICE_PROFILE}resident`;
/** The document it keeps open. */
const KEEP = "open.txt";
/** How long the first conversion waits for LibreOffice to listen. */
const READY_MS = 90_000;

/** The files in the resident LibreOffice's folder. */
function files(dir: string) {
  return {
    pid: path.join(dir, "office.pid"),
    pipe: path.join(dir, "office.pipe"),
    broken: path.join(dir, "broken"),
    /** written by the watcher when LibreOffice has ended, for whatever reason */
    ended: path.join(dir, "ended"),
    stop: path.join(dir, "stop"),
    log: path.join(dir, "office.log"),
  };
}

/** The folder of the run's resident LibreOffice, or null outside a jest run. */
function officeFolder(): string | null {
  const run = runFolder();
  return run ? path.join(run, OFFICE_FOLDER) : null;
}

/**
 * The watcher: starts LibreOffice (again after the set-up start of a new profile, exit 81), writes
 * its pid, and stops it when the jest process ($2) is gone or the teardown asks (file `stop`).
 * Then it removes the pipe that LibreOffice, stopped by a signal, leaves in /tmp, and says it ended.
 */
const WATCHER = `
dir=$1 parent=$2 bin=$3 profile=$4
while :; do
  "$bin" "-env:UserInstallation=$profile" --headless --norestore --nologo "$dir/${KEEP}" >>"$dir/office.log" 2>&1 &
  office=$!
  echo "$office" >"$dir/office.pid.new" && mv "$dir/office.pid.new" "$dir/office.pid"
  while kill -0 "$parent" 2>/dev/null && kill -0 "$office" 2>/dev/null && [ ! -e "$dir/stop" ]; do
    sleep 0.5
  done
  if kill -0 "$office" 2>/dev/null; then kill "$office"; wait "$office"; break; fi
  wait "$office"
  [ $? -eq 81 ] || break
done
[ -s "$dir/office.pipe" ] && rm -f "$(cat "$dir/office.pipe")"
rm -f "$dir/office.pid"
: >"$dir/ended"
`;

/** LibreOffice's program (soffice.bin beside the `soffice` script), or null when not installed. */
function officeProgram(soffice: string): string | null {
  const program = path.join(path.dirname(fs.realpathSync(soffice)), "soffice.bin");
  return fs.existsSync(program) ? program : null;
}

/**
 * Starts the run's resident LibreOffice in the background, with the private profile that
 * `profile` makes in its folder `dir`, unless that folder is there already (it was started); it
 * ends when process `parent` ends (the jest process). The global set-up of a full run calls this;
 * in a run of some files, the first conversion does. Does nothing without LibreOffice or outside
 * Linux (the pipe is found through /proc).
 */
export function startOffice(
  soffice: string | null,
  profile: (dir: string) => string,
  dir = officeFolder(),
  parent = process.pid
): void {
  if (!dir || !soffice || !fs.existsSync("/proc/net/unix")) return;
  const program = officeProgram(soffice);
  if (!program) return;
  try {
    fs.mkdirSync(dir); // the run's one: whoever makes its folder starts it
  } catch {
    return;
  }
  fs.writeFileSync(path.join(dir, KEEP), "AwardScore tests\n");
  const url = profile(dir);
  // its own temporary folder, inside its folder: a LibreOffice stopped by a signal leaves one there
  const tmp = path.join(dir, "tmp");
  fs.mkdirSync(tmp);
  const child = spawn("sh", ["-c", WATCHER, "watcher", dir, String(parent), program, url], {
    detached: true,
    stdio: "ignore",
    // as LibreOffice's `soffice` script sets it for every start
    env: { ...process.env, TMPDIR: tmp, SAL_ENABLE_FILE_LOCKING: "1" },
  });
  child.unref();
}

/** Waits `ms` milliseconds, blocking (the conversions are synchronous). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether process `pid` lives. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid in the resident LibreOffice's pid file, or null. */
export function officePid(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(files(dir).pid, "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * The path of LibreOffice's single-instance pipe (`/tmp/OSL_PIPE_<uid>_SingleOfficeIPC_<hash>`)
 * when process `pid` listens on it: its sockets (/proc/<pid>/fd) matched with the bound ones
 * (/proc/net/unix).
 */
export function listeningPipe(pid: number): string | null {
  let sockets: Set<string>;
  try {
    sockets = new Set(
      fs
        .readdirSync(`/proc/${pid}/fd`)
        .map((fd) => {
          try {
            return /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
          } catch {
            return undefined;
          }
        })
        .filter((inode): inode is string => inode !== undefined)
    );
  } catch {
    return null;
  }
  for (const line of fs.readFileSync("/proc/net/unix", "utf8").split("\n")) {
    const [, , , , , , inode, socketPath] = line.trim().split(/\s+/);
    if (socketPath?.includes("SingleOfficeIPC") && sockets.has(inode)) return socketPath;
  }
  return null;
}

/**
 * The profile URL of the run's resident LibreOffice once it listens, for a conversion to hand
 * itself to it; null when there is none (outside a run, not started, stopped, or given up on):
 * then the caller starts LibreOffice itself.
 */
export function residentProfile(dir = officeFolder()): string | null {
  if (!dir || !fs.existsSync(dir)) return null;
  const at = files(dir);
  const deadline = Date.now() + READY_MS;
  while (!fs.existsSync(at.broken) && !fs.existsSync(at.stop) && !fs.existsSync(at.ended)) {
    const pid = officePid(dir);
    const pipe = pid === null ? null : listeningPipe(pid);
    // ready when it listens AND holds its document open (LibreOffice's lock file beside it):
    // it listens long before, and a conversion handed to it before then would end it
    if (pipe && fs.existsSync(path.join(dir, `.~lock.${KEEP}#`))) {
      if (!fs.existsSync(at.pipe)) fs.writeFileSync(at.pipe, pipe);
      return `file://${path.join(dir, "profile")}`;
    }
    if (Date.now() > deadline) {
      giveUp(`LibreOffice did not listen within ${READY_MS / 1000} s`, dir);
      return null;
    }
    sleep(100);
  }
  return null;
}

/**
 * Gives up on the resident LibreOffice (a conversion failed or timed out in it, so it may be
 * stuck on that document): stops it, and the run's later conversions start their own.
 */
export function giveUp(why: string, dir = officeFolder()): void {
  if (!dir) return;
  fs.writeFileSync(files(dir).broken, `${why}\n`);
  stop(dir);
}

/** Asks the watcher to stop LibreOffice, and stops it, waiting up to 10 s for it to end. */
function stop(dir: string): void {
  const at = files(dir);
  fs.writeFileSync(at.stop, "");
  const pid = officePid(dir);
  if (pid === null) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) sleep(50);
  if (alive(pid)) process.kill(pid, "SIGKILL");
  // the pipe LibreOffice leaves in /tmp when stopped by a signal (the watcher removes it too)
  if (fs.existsSync(at.pipe)) fs.rmSync(fs.readFileSync(at.pipe, "utf8"), { force: true });
}

/**
 * Stops the run's resident LibreOffice (the global teardown calls this before it removes the
 * run's folder). Returns the CPU seconds it used, or null when none ran.
 */
export function stopOffice(dir = officeFolder()): number | null {
  if (!dir || !fs.existsSync(dir)) return null;
  const pid = officePid(dir);
  let seconds: number | null = null;
  if (pid !== null) {
    try {
      // utime and stime (fields 14 and 15 of /proc/<pid>/stat), in clock ticks of 1/100 s
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      seconds = (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      seconds = null;
    }
  }
  stop(dir);
  return seconds;
}
