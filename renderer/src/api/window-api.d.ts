import type { RendererApi } from '../../../core/api/contract';

declare global {
  interface Window {
    /** Defined by the Electron preload; absent when the page is served by the web test host. */
    readonly api?: RendererApi;
  }
}

export {};
