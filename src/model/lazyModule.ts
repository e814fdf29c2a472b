// A module loaded on first need (a chunk of its own), and readable synchronously once loaded.

export interface LazyModule<M> {
  /** Loads the module; resolves at once when loaded. A failed load may be tried again. */
  load(): Promise<void>;
  /** The module, or null while not loaded. */
  get(): M | null;
  /** The module; throws, naming `what` and how to load it, while not loaded. */
  need(what: string): M;
}

/**
 * The script a failed dynamic import named, from the browser's message (Chromium: "Failed to
 * fetch dynamically imported module: URL", Firefox: "error loading dynamically imported
 * module: URL"); null where it names none (Safari).
 */
export function failedScript(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const url = /(https?:\/\/[^\s'"]+?\.m?js)\b/.exec(message)?.[1];
  if (!url) return null;
  try {
    return new URL(url).origin === window.location.origin ? url : null;
  } catch {
    return null;
  }
}

/**
 * `importer`, tried again after a failure under another address where the browser named the
 * script that failed: some browsers remember a module that failed to load and fail every later
 * import of it without fetching (Chromium up to at least 150), so a plain retry never recovers.
 */
export function retryingImport<M>(importer: () => Promise<M>): () => Promise<M> {
  let failed: string | null = null;
  let tries = 0;
  return () => {
    const attempt = failed
      ? (import(/* @vite-ignore */ `${failed}?retry=${++tries}`) as Promise<M>)
      : importer();
    return attempt.catch((e: unknown) => {
      failed = failedScript(e) ?? failed;
      throw e;
    });
  };
}

export function lazyModule<M>(importer: () => Promise<M>, loadName: string): LazyModule<M> {
  let module: M | null = null;
  let loading: Promise<void> | null = null;
  const attempt = retryingImport(importer);
  return {
    load() {
      if (module) return Promise.resolve();
      loading ??= attempt().then(
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
