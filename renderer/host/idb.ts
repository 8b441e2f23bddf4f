/** A very small promise wrapper over IndexedDB: one database, key-value object stores. */
export interface KeyValueDatabase {
  get<T>(store: string, key: string): Promise<T | undefined>;
  getAll<T>(store: string): Promise<T[]>;
  put(store: string, key: string, value: unknown): Promise<void>;
  delete(store: string, key: string): Promise<void>;
  /**
   * Reads a value and writes what `change` makes of it in one transaction, so two tabs cannot both
   * read the same value and overwrite each other (IndexedDB runs overlapping readwrite transactions
   * on one store one after another). `change` returns undefined to write nothing.
   */
  update<T, R>(store: string, key: string, change: (current: T | undefined) => { value: T | undefined; result: R }): Promise<R>;
}

/** Bumped when an object store is added; opening creates the ones that are missing. */
const DATABASE_VERSION = 2;

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

export async function openKeyValueDatabase(factory: IDBFactory, name: string, stores: readonly string[]): Promise<KeyValueDatabase> {
  const open = factory.open(name, DATABASE_VERSION);
  open.onupgradeneeded = () => {
    for (const store of stores) if (!open.result.objectStoreNames.contains(store)) open.result.createObjectStore(store);
  };
  const db = await request(open);
  const transaction = async <T>(store: string, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = db.transaction(store, mode);
    const result = await request(run(tx.objectStore(store)));
    // Resolve only once the write is committed, so a reload right after a save still finds it.
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  };
  return {
    get: (store, key) => transaction(store, 'readonly', (s) => s.get(key)),
    getAll: (store) => transaction(store, 'readonly', (s) => s.getAll()),
    put: async (store, key, value) => {
      await transaction(store, 'readwrite', (s) => s.put(value, key));
    },
    delete: async (store, key) => {
      await transaction(store, 'readwrite', (s) => s.delete(key));
    },
    update: async <T, R>(store: string, key: string, change: (current: T | undefined) => { value: T | undefined; result: R }): Promise<R> => {
      const tx = db.transaction(store, 'readwrite');
      const objects = tx.objectStore(store);
      const current = (await request(objects.get(key))) as T | undefined;
      const { value, result } = change(current);
      if (value !== undefined) objects.put(value, key);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
      return result;
    },
  };
}
