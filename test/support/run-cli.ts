import { Writable } from "node:stream";
import { main, type Io } from "../../src/cli/main";
import { XLSX_STEPS, type FileSteps } from "../../src/cli/validate-file";

/** A terminal or a pipe, as the command line writes to it, keeping what it wrote. */
class Capture extends Writable {
  text = "";
  isTTY = false;
  override _write(chunk: Buffer, _: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** `objective-check ARGS` in this process on 30/06/2018, with its exit code and what it printed. */
export function runCli(
  args: string[],
  options: { tty?: boolean; steps?: FileSteps } = {}
): { code: number; out: string; err: string } {
  const stdout = new Capture();
  const stderr = new Capture();
  stdout.isTTY = options.tty ?? false;
  const io = { stdout, stderr, env: {}, now: new Date(2018, 5, 30, 12) } as unknown as Io;
  const code = main(args, io, options.steps ?? XLSX_STEPS);
  return { code, out: stdout.text, err: stderr.text };
}
