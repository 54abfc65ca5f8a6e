import { Writable } from "node:stream";
import { run, type Io } from "../../src/cli/main";

class Capture extends Writable {
  text = "";
  isTTY = false;
  override _write(chunk: Buffer, _: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** `objective-check ARGS` through `run` (every command, `report` included) on 30/06/2018. */
export async function runCommand(
  args: string[],
  tty = false
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  stderr.isTTY = tty;
  (stderr as unknown as { columns: number }).columns = 120;
  const io = { stdout, stderr, env: {}, now: new Date(2018, 5, 30, 12) } as unknown as Io;
  const code = await run(args, io);
  return { code, out: stdout.text, err: stderr.text };
}
