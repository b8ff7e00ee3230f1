/// <reference path="./window-api.d.ts" />
import type { RendererApi } from '../../../core/api/contract';

/**
 * The desktop app's preload defines `window.api`; a page served by the web test host has none, so
 * the HTTP implementation is loaded on demand and never ships into the desktop code path.
 */
export async function resolveApi(): Promise<RendererApi> {
  if (window.api) return window.api;
  const { createWebApi, tokenFromLocation } = await import('./web-api');
  return createWebApi({ token: tokenFromLocation(window.location.search) });
}
