// The outbox: messages the user sent that the server has not acknowledged yet. Entries are kept
// in IndexedDB (or localStorage, or memory) so they survive a page reload, and are sent again
// with the same clientMessageId until the server acknowledges them (a retry of a send that did
// arrive returns the original message, so nothing is posted twice).

/**
 * One message waiting for the server.
 * @typedef {object} OutboxEntry
 * @property {string} clientMessageId
 * @property {string} conversationId
 * @property {import('./types.js').NewMessage} body
 * @property {string} createdAt ISO time, orders the entries
 */

/**
 * Where entries are kept. Every method may be async.
 * @typedef {object} OutboxStorage
 * @property {() => Promise<OutboxEntry[]>|OutboxEntry[]} load
 * @property {(entry: OutboxEntry) => Promise<void>|void} put
 * @property {(clientMessageId: string) => Promise<void>|void} remove
 */

/**
 * `auto` uses IndexedDB, else localStorage, else memory (nothing survives a reload).
 * @typedef {'auto'|'indexeddb'|'localstorage'|'memory'|OutboxStorage} StorageOption
 */

export class Outbox {
  /** @type {OutboxStorage} */
  #storage;
  /** @type {Map<string, OutboxEntry>} */
  #entries = new Map();

  /** @param {OutboxStorage} storage */
  constructor(storage) {
    this.#storage = storage;
  }

  /**
   * Opens the outbox of one namespace (server and user) and loads what it holds.
   * @param {StorageOption} option
   * @param {string} namespace
   */
  static async open(option, namespace) {
    const storage = await openStorage(option, namespace);
    const outbox = new Outbox(storage);
    for (const entry of await storage.load()) outbox.#entries.set(entry.clientMessageId, entry);
    return outbox;
  }

  /** The entries, oldest first. */
  entries() {
    return [...this.#entries.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  has(clientMessageId) {
    return this.#entries.has(clientMessageId);
  }

  get size() {
    return this.#entries.size;
  }

  /** Keeps an entry; resolves once it is stored. */
  async add(/** @type {OutboxEntry} */ entry) {
    this.#entries.set(entry.clientMessageId, entry);
    await this.#storage.put(entry);
  }

  /** Drops an entry (acknowledged, or refused for good). */
  async remove(clientMessageId) {
    if (!this.#entries.delete(clientMessageId)) return;
    await this.#storage.remove(clientMessageId);
  }
}

/**
 * @param {StorageOption} option
 * @param {string} namespace
 * @returns {Promise<OutboxStorage>}
 */
export async function openStorage(option, namespace) {
  if (option && typeof option === 'object') return option;
  const kind = option ?? 'auto';
  if (kind === 'memory') return memoryStorage();
  if (kind === 'indexeddb' || kind === 'auto') {
    try {
      return await indexedDbStorage(namespace);
    } catch (e) {
      if (kind === 'indexeddb') throw e;
    }
  }
  if (kind === 'localstorage' || kind === 'auto') {
    try {
      return localStorageStorage(namespace);
    } catch (e) {
      if (kind === 'localstorage') throw e;
    }
  }
  if (kind !== 'auto') throw new TypeError('storage must be auto, indexeddb, localstorage, memory or an OutboxStorage');
  return memoryStorage();
}

/** @returns {OutboxStorage} */
export function memoryStorage() {
  const entries = new Map();
  return {
    load: () => [...entries.values()],
    put: (entry) => void entries.set(entry.clientMessageId, entry),
    remove: (id) => void entries.delete(id),
  };
}

/** @returns {OutboxStorage} */
export function localStorageStorage(namespace) {
  const storage = globalThis.localStorage;
  if (!storage) throw new Error('localStorage is not available');
  const key = `parley.outbox.${namespace}`;
  const read = () => {
    try {
      const parsed = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  };
  const write = (entries) => {
    if (entries.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(entries));
  };
  storage.setItem(key + '.probe', '1');
  storage.removeItem(key + '.probe');
  return {
    load: read,
    put: (entry) => write([...read().filter((e) => e.clientMessageId !== entry.clientMessageId), entry]),
    remove: (id) => write(read().filter((e) => e.clientMessageId !== id)),
  };
}

const DB_NAME = 'parley-outbox';
const STORE = 'entries';

/** @returns {Promise<OutboxStorage>} */
export async function indexedDbStorage(namespace) {
  const factory = globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available');
  const db = await request(() => {
    const open = factory.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore(STORE, { keyPath: ['namespace', 'clientMessageId'] });
      store.createIndex('namespace', 'namespace');
    };
    return open;
  });
  const run = (mode, work) => new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  return {
    load: async () => {
      const rows = await run('readonly', (store) => store.index('namespace').getAll(namespace));
      return rows.map(({ namespace: _ns, ...entry }) => entry);
    },
    put: (entry) => run('readwrite', (store) => store.put({ ...entry, namespace })).then(() => undefined),
    remove: (id) => run('readwrite', (store) => store.delete([namespace, id])).then(() => undefined),
  };
}

function request(start) {
  return new Promise((resolve, reject) => {
    const req = start();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
