import { FakeExcelError, type FakeRequestContext } from "./request-context";

type LoadSpec = string | string[] | { select?: string; [key: string]: unknown } | undefined;
type Assignments = (() => void)[];

/**
 * A proxy as Office.js has them: `load()` queues a read, the values arrive at
 * `sync()`, and reading a property that was not loaded (or before the sync)
 * throws PropertyNotLoaded.
 */
export abstract class FakeClientObject {
  private readonly loadedValues = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    readonly path: string
  ) {}

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec, this.defaultProps());
    this.context.enqueue({
      wire: { load: this.path, select: paths },
      run: () => {
        const assignments: Assignments = [];
        const response = this.collect(paths, assignments);
        return { response, commit: () => assignments.forEach((assign) => assign()) };
      },
    });
    return this;
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loadedValues);
  }

  /** Values of `paths` as they are now; the assignments make them readable once the response is accepted. */
  collect(paths: readonly string[], assignments: Assignments): Record<string, unknown> {
    const response: Record<string, unknown> = {};
    if (this.nullable()) {
      // Office.js fills isNullObject in for any loaded *OrNullObject proxy.
      const isNull = this.scalar("isNullObject");
      response.isNullObject = isNull;
      assignments.push(() => this.loadedValues.set("isNullObject", isNull));
      if (isNull === true) return response;
    }
    for (const [first, rest] of groupPaths(paths)) {
      const nested = this.navigation(first);
      if (nested !== undefined) {
        response[first] = nested.collect(
          rest.length > 0 ? rest : nested.defaultProps(),
          assignments
        );
        continue;
      }
      const value = this.scalar(first);
      response[first] = value;
      assignments.push(() => this.loadedValues.set(first, value));
    }
    return response;
  }

  protected get<T>(property: string): T {
    if (!this.loadedValues.has(property)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loadedValues.get(property) as T;
  }

  /** Queues a command that changes the workbook when the batch runs. */
  protected command(wire: Record<string, unknown>, run: () => void): void {
    this.context.enqueue({ wire: { path: this.path, ...wire }, run });
  }

  protected abstract scalar(property: string): unknown;

  /** What `load()` with no argument loads: the scalar properties. */
  abstract defaultProps(): string[];

  /** Objects that can be null objects (from `…OrNullObject` methods) answer isNullObject. */
  protected nullable(): boolean {
    return false;
  }

  protected navigation(_property: string): FakeClientObject | undefined {
    return undefined;
  }
}

/** A collection proxy: `items` is readable after loading `items/...`. */
export abstract class FakeCollection<T extends FakeClientObject> extends FakeClientObject {
  private loadedItems: T[] | null = null;

  get items(): T[] {
    if (this.loadedItems === null) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property 'items' is not available. Load the collection and call "context.sync()" first.`
      );
    }
    return this.loadedItems;
  }

  get count(): number {
    return this.get<number>("count");
  }

  override collect(paths: readonly string[], assignments: Assignments): Record<string, unknown> {
    const response = super.collect(
      paths.filter((p) => p !== "items" && !p.startsWith("items/")),
      assignments
    );
    const itemPaths = paths
      .filter((p) => p === "items" || p.startsWith("items/"))
      .map((p) => p.slice("items/".length));
    if (itemPaths.length > 0) {
      const items = this.currentItems();
      const nested = itemPaths.filter((p) => p !== "");
      response.items = items.map((item) =>
        item.collect(nested.length > 0 ? nested : item.defaultProps(), assignments)
      );
      assignments.push(() => (this.loadedItems = items));
    }
    return response;
  }

  protected override scalar(property: string): unknown {
    if (property === "count") return this.currentItems().length;
    throw new FakeExcelError(
      "PropertyNotFound",
      `The property '${property}' does not exist on a collection.`
    );
  }

  override defaultProps(): string[] {
    return ["items"];
  }

  protected abstract currentItems(): T[];
}

function loadPaths(spec: LoadSpec, defaults: string[]): string[] {
  if (spec === undefined) return defaults;
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
  if (Array.isArray(spec))
    return spec
      .flatMap((p) => p.split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
  if (typeof spec.select === "string") return loadPaths(spec.select, defaults);
  return objectPaths(spec, "");
}

/** `{ name: true, worksheet: { name: true } }` → `name`, `worksheet/name`. */
function objectPaths(spec: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(spec).flatMap(([key, value]) => {
    if (key.startsWith("$") || value === false) return [];
    if (typeof value === "object" && value !== null)
      return objectPaths(value as Record<string, unknown>, `${prefix}${key}/`);
    return [`${prefix}${key}`];
  });
}

function groupPaths(paths: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const slash = path.indexOf("/");
    const first = slash < 0 ? path : path.slice(0, slash);
    const rest = slash < 0 ? null : path.slice(slash + 1);
    const group = groups.get(first) ?? [];
    if (rest !== null) group.push(rest);
    groups.set(first, group);
  }
  return groups;
}
