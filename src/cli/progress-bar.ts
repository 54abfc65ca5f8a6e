/** A one-line progress bar on a terminal's standard error, redrawn in place; nothing when not a terminal. */
export class ProgressBar {
  private readonly width = 24;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number
  ) {}

  get active(): boolean {
    return this.stream.isTTY === true && this.total > 1;
  }

  update(done: number, label: string): void {
    if (!this.active) return;
    const filled = Math.round((done / this.total) * this.width);
    const bar = `${"█".repeat(filled)}${"░".repeat(this.width - filled)}`;
    const columns = this.stream.columns ?? 80;
    const line = `${bar} ${done}/${this.total} ${label}`.slice(0, columns - 1);
    this.stream.write(`\r\u001b[2K${line}`);
  }

  clear(): void {
    if (this.active) this.stream.write("\r\u001b[2K");
  }
}
