// A stand-in for the parts of the `electron` module the main process uses, recording what the real
// main code does with them so tests can drive events and inspect options.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
export type IpcListener = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;
export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
export type WindowOpenHandler = (details: { url: string }) => { action: string };
export type SchemeHandler = (request: Request) => Promise<Response>;

export type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession extends EventEmitter {
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }
  preloadScripts: FakePreloadScript[] = [];
  registerPreloadScript(script: { type: 'frame' | 'service-worker'; id?: string; filePath: string }): string {
    const id = script.id ?? `random-${this.preloadScripts.length}`;
    // Electron refuses a second script under an id already registered.
    if (this.preloadScripts.some((s) => s.id === id)) throw new Error(`preload ${id} already registered`);
    this.preloadScripts.push({ ...script, id });
    return id;
  }
  unregisterPreloadScript(id: string): void {
    this.preloadScripts = this.preloadScripts.filter((s) => s.id !== id);
  }
  getPreloadScripts(): FakePreloadScript[] {
    return this.preloadScripts.map((s) => ({ ...s }));
  }
}

export interface FakePreloadScript {
  type: 'frame' | 'service-worker';
  id: string;
  filePath: string;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  // Every window of the app lives in the default session.
  get session(): FakeSession {
    return fake.defaultSession;
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

/** An Electron-style event whose default can be prevented. */
export function preventableEvent(extra: Record<string, unknown> = {}): { preventDefault: () => void; defaultPrevented: () => boolean } {
  const preventDefault = vi.fn();
  return { ...extra, preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

export interface FakeState {
  appPath: string;
  userData: string;
  /** An installed app (its resources beside app.asar, in process.resourcesPath) rather than a run from the project. */
  isPackaged: boolean;
  appEvents: EventEmitter;
  ipc: Map<string, IpcListener>;
  schemes: Map<string, SchemeHandler>;
  privileged: unknown[];
  windows: FakeBrowserWindow[];
  defaultSession: FakeSession;
  enableSandbox: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;
  exit: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;
}

export const fake: FakeState = {
  appPath: '',
  userData: '',
  isPackaged: false,
  appEvents: new EventEmitter(),
  ipc: new Map(),
  schemes: new Map(),
  privileged: [],
  windows: [],
  defaultSession: new FakeSession(),
  enableSandbox: vi.fn<(...args: unknown[]) => void>(),
  exit: vi.fn<(...args: unknown[]) => void>(),
};

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  /** What the default session's preloads were when this window was made. */
  readonly preloadsAtCreation = fake.defaultSession.getPreloadScripts();
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    fake.windows.push(this);
    fake.appEvents.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return fake.windows;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.emit('ready-to-show');
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

/**
 * A stand-in for `safeStorage`: availability and the Linux backend are switchable (off by default).
 * Its "encryption" is reversible only with the same `secret`; another secret stands for another
 * computer's keychain.
 */
export const fakeSafeStorage = {
  available: false,
  backend: 'basic_text' as string,
  secret: 'this-computer',
  isEncryptionAvailable: (): boolean => fakeSafeStorage.available,
  getSelectedStorageBackend: (): string => fakeSafeStorage.backend,
  encryptString: (plain: string): Buffer => {
    if (!fakeSafeStorage.available) throw new Error('Encryption is not available.');
    return Buffer.from(`fake-keychain:${fakeSafeStorage.secret}:${Buffer.from(plain).toString('hex')}`);
  },
  decryptString: (encrypted: Buffer): string => {
    const prefix = `fake-keychain:${fakeSafeStorage.secret}:`;
    const text = encrypted.toString();
    if (!fakeSafeStorage.available || !text.startsWith(prefix)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(prefix.length), 'hex').toString();
  },
};

const app = {
  enableSandbox: (...args: unknown[]) => fake.enableSandbox(...args),
  requestSingleInstanceLock: () => true,
  whenReady: async () => undefined,
  on: (event: string, listener: Listener) => {
    fake.appEvents.on(event, listener);
    return app;
  },
  getAppPath: () => fake.appPath,
  get isPackaged() {
    return fake.isPackaged;
  },
  getPath: (name: string) => {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return fake.userData;
  },
  getVersion: () => '0.0.0-test',
  quit: vi.fn(),
  exit: (...args: unknown[]) => fake.exit(...args),
};

/** What `vi.mock('electron', …)` returns: default and named exports alike. */
export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, listener: IpcListener) => {
      if (fake.ipc.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.ipc.set(channel, listener);
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: SchemeHandler) => fake.schemes.set(scheme, handler),
  },
  safeStorage: fakeSafeStorage,
  // The secretariat's native dialogs (electron/main/dialogs.ts): the analyst cancels unless a test says otherwise.
  dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })) },
  session: {
    get defaultSession() {
      return fake.defaultSession;
    },
  },
};
