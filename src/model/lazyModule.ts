// A module loaded on first need (a chunk of its own), and readable synchronously once loaded.

export interface LazyModule<M> {
  /** Loads the module; resolves at once when loaded. A failed load may be tried again. */
  load(): Promise<void>;
  /** The module, or null while not loaded. */
  get(): M | null;
  /** The module; throws, naming `what` and how to load it, while not loaded. */
  need(what: string): M;
}

export function lazyModule<M>(importer: () => Promise<M>, loadName: string): LazyModule<M> {
  let module: M | null = null;
  let loading: Promise<void> | null = null;
  return {
    load() {
      if (module) return Promise.resolve();
      loading ??= importer().then(
        (m) => {
          module = m;
        },
        (e: unknown) => {
          loading = null;
          throw e;
        },
      );
      return loading;
    },
    get: () => module,
    need(what) {
      if (!module) throw new Error(`${what} is not loaded: call ${loadName}() first.`);
      return module;
    },
  };
}
