import { useEffect, useState } from 'react';

/** The screens of the app. The address lives in the hash, so the `?token=` query of the web host is never touched. */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'form'; id: string; itemId?: string }
  | { name: 'completeness'; id: string }
  | { name: 'history'; id: string }
  | { name: 'details'; id: string }
  | { name: 'export'; id: string }
  | { name: 'letter'; id: string; revision: number }
  | { name: 'signingKey' }
  | { name: 'checkBundle' }
  | { name: 'packs' }
  | { name: 'move'; id: string; version: string }
  | { name: 'reviews'; id: string }
  | { name: 'compare'; id: string; from?: VersionRef; to?: VersionRef }
  | { name: 'review'; reviewId: string }
  | { name: 'secretariat'; view: SecretariatView; file?: string; other?: string }
  | { name: 'analysis' };

/** The secretariat workspace's screens (`#/secretariat/<view>`); `file`/`other` name stored submissions. */
export const SECRETARIAT_VIEWS = ['overview', 'registry', 'import', 'submissions', 'read', 'compare', 'countersign'] as const;
export type SecretariatView = (typeof SECRETARIAT_VIEWS)[number];
const STORED = /^submissions\/[A-Z]{3}\/[0-9a-f-]{36}\.zip$/;

function secretariatRoute(parts: string[], query: string): Route {
  const view = (SECRETARIAT_VIEWS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as SecretariatView) : 'overview';
  const q = new URLSearchParams(query);
  const file = q.get('file');
  const other = q.get('other');
  return { name: 'secretariat', view, ...(file && STORED.test(file) ? { file } : {}), ...(other && STORED.test(other) ? { other } : {}) };
}

/** A version to compare: a saved revision, or the draft as it is now. */
export type VersionRef = number | 'current';
const COMPARED = /^(current|0|[1-9][0-9]{0,8})$/;
const versionOf = (v: string | null): VersionRef | undefined => (v && COMPARED.test(v) ? (v === 'current' ? 'current' : Number(v)) : undefined);

const ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ITEM = /^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
const VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(-[0-9A-Za-z.-]{1,40})?$/;

/** Read a hash such as `#/a/abc-123/form?item=B.2`; anything unknown is the home screen. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'new' && parts.length === 1) return { name: 'new' };
  if (parts[0] === 'signing-key' && parts.length === 1) return { name: 'signingKey' };
  if (parts[0] === 'check' && parts.length === 1) return { name: 'checkBundle' };
  if (parts[0] === 'packs' && parts.length === 1) return { name: 'packs' };
  if (parts[0] === 'review' && parts[1] && UUID.test(parts[1]) && parts.length === 2) return { name: 'review', reviewId: parts[1] };
  if (parts[0] === 'secretariat' && parts[1] === 'analysis' && parts.length === 2) return { name: 'analysis' };
  if (parts[0] === 'secretariat' && parts.length <= 2) return secretariatRoute(parts, query);
  if (parts[0] === 'a' && parts[1] && ID.test(parts[1])) {
    const id = parts[1];
    const view = parts[2] ?? 'form';
    if (view === 'completeness') return { name: 'completeness', id };
    if (view === 'history') return { name: 'history', id };
    if (view === 'details') return { name: 'details', id };
    if (view === 'export') return { name: 'export', id };
    if (view === 'move' && parts[3] && VERSION.test(parts[3])) return { name: 'move', id, version: parts[3] };
    if (view === 'reviews') return { name: 'reviews', id };
    if (view === 'letter' && parts[3] && /^[1-9][0-9]{0,8}$/.test(parts[3])) return { name: 'letter', id, revision: Number(parts[3]) };
    if (view === 'compare') {
      const q = new URLSearchParams(query);
      const from = versionOf(q.get('from'));
      const to = versionOf(q.get('to'));
      return { name: 'compare', id, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
    }
    if (view === 'form') {
      const item = new URLSearchParams(query).get('item');
      return item && ITEM.test(item) ? { name: 'form', id, itemId: item } : { name: 'form', id };
    }
  }
  return { name: 'home' };
}

/** The hash for a route (with its leading `#`). */
export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'new':
      return '#/new';
    case 'form':
      return `#/a/${route.id}/form` + (route.itemId ? `?item=${encodeURIComponent(route.itemId)}` : '');
    case 'completeness':
      return `#/a/${route.id}/completeness`;
    case 'history':
      return `#/a/${route.id}/history`;
    case 'details':
      return `#/a/${route.id}/details`;
    case 'export':
      return `#/a/${route.id}/export`;
    case 'letter':
      return `#/a/${route.id}/letter/${route.revision}`;
    case 'signingKey':
      return '#/signing-key';
    case 'checkBundle':
      return '#/check';
    case 'packs':
      return '#/packs';
    case 'move':
      return `#/a/${route.id}/move/${route.version}`;
    case 'reviews':
      return `#/a/${route.id}/reviews`;
    case 'compare': {
      const q = new URLSearchParams();
      if (route.from !== undefined) q.set('from', String(route.from));
      if (route.to !== undefined) q.set('to', String(route.to));
      const query = q.toString();
      return `#/a/${route.id}/compare${query ? `?${query}` : ''}`;
    }
    case 'review':
      return `#/review/${route.reviewId}`;
    case 'secretariat': {
      const q = new URLSearchParams({ ...(route.file ? { file: route.file } : {}), ...(route.other ? { other: route.other } : {}) }).toString();
      return `#/secretariat${route.view === 'overview' ? '' : `/${route.view}`}${q ? `?${q}` : ''}`;
    }
    case 'analysis':
      return '#/secretariat/analysis';
  }
}

/** Go to a route; only the hash changes, so the page (and the token in its query) stays. */
export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** The current route, following back/forward and links. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    update();
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
