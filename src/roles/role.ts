/** A running role; `stop` lets in-flight work finish within `graceMs`, then releases everything it holds. */
export interface Role {
  readonly name: string;
  stop(graceMs: number): Promise<void>;
}
