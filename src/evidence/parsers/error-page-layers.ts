/**
 * Which gateway drew an error page: Cloudflare (branded or unbranded), Azure Application Gateway,
 * Azure Front Door, nginx, AWS ALB, or an app_offline.htm maintenance page.
 *
 * Cloudflare's branded page (title `host | 502: Bad gateway`, the Browser / Cloudflare / Host
 * diagram, "Cloudflare Ray ID") means Cloudflare passed on an error the origin returned; the
 * unbranded page (a bare `502 Bad Gateway` heading signed "cloudflare") comes from Cloudflare
 * itself (kb-facts 6.1). The bare `502 Bad Gateway` page without any signature is what an AWS ALB
 * sends, but other servers send the same page: only "awselb" in the page or headers names the ALB,
 * so a bare page yields its status and no layer.
 */
import type { Signal } from '../types';
import type { Page } from './error-page-model';
import { CLOUDFLARE_NAMES, type PageStatus } from './error-page-status';
import type { TextLine } from './html-text';

const RAY_ID = /^\s*([0-9a-f]{16}(?:-[A-Za-z]{3})?)\b/i;
const FRONT_DOOR_TRACKING = /^(?:0[A-Za-z0-9+/=]{20,200}|\d{8}T\d{6}Z-[0-9A-Za-z]{8,80})$/;
const APP_GATEWAY_TEXT = 'web server received an invalid response while acting as a gateway or proxy server';
const FRONT_DOOR_TEXT = "our services aren't available right now";
const MAINTENANCE = /\b(?:maintenance|down for|offline|be back (?:soon|shortly)|upgrad(?:e|ing))\b/;

/** The layer signals a page carries, given the status already read from it. */
export function layerSignals(page: Page, status: PageStatus | undefined): Signal[] {
  const out: Signal[] = [];
  const withStatus = status === undefined ? {} : { status: status.status };
  const statusIndex = status?.index;

  const cloudflare = cloudflareSignal(page, status);
  if (cloudflare) out.push(cloudflare);

  const gatewaySignature = signature(page, (c) => c.startsWith('microsoft-azure-application-gateway'));
  const gatewayText = page.lineContaining(APP_GATEWAY_TEXT);
  if (gatewaySignature || gatewayText) {
    // The text is IIS/ARR's 502 template, which App Gateway serves (kb-facts 6.3). Azure App Service's
    // ARR front ends serve the same words, so this signal is only as sure as the kb's attribution.
    // The template is a 502 even when the copy lost the number.
    const data = { status: status?.status ?? 502 };
    out.push({ id: 'app-gateway', data, ref: page.ref((gatewaySignature ?? gatewayText)?.index ?? statusIndex ?? page.start) });
  }

  const frontDoor = page.lineContaining(FRONT_DOOR_TEXT);
  if (frontDoor) {
    const tracking = frontDoorReference(page);
    out.push({ id: 'front-door', data: { ...withStatus, page: true, ...(tracking ? { ref: tracking } : {}) }, ref: page.ref(frontDoor.index) });
  }

  const nginx = signature(page, (c) => c === 'nginx' || c.startsWith('nginx/'));
  if (nginx) out.push({ id: 'nginx-server', data: { ...withStatus }, ref: page.ref(nginx.index) });

  if (page.rawLower.includes('awselb')) {
    const line = page.lineContaining('awselb');
    out.push({ id: 'aws-alb', data: { ...withStatus }, ref: page.ref(line?.index ?? statusIndex ?? page.start) });
  }

  const offline = appOffline(page, status, out.length > 0);
  if (offline !== undefined) out.push({ id: 'app-offline-page', data: {}, ref: page.ref(offline) });
  return out;
}

/** A line whose chunk is a server signature (`<hr><center>nginx/1.24.0</center>`), lowercase test. */
function signature(page: Page, test: (chunk: string) => boolean): TextLine | undefined {
  return page.findChunk((chunk) => (test(chunk.toLowerCase()) ? true : undefined))?.line;
}

function cloudflareSignal(page: Page, status: PageStatus | undefined): Signal | undefined {
  const text = page.textLower;
  const markers =
    text.includes('cloudflare ray id') ||
    text.includes('security by cloudflare') ||
    page.rawLower.includes('cf-error-details') ||
    page.rawLower.includes('/cdn-cgi/styles') ||
    // The Browser / Cloudflare / Host diagram: "Cloudflare" then "Working" (or "Error").
    /\bcloudflare\s+(?:working|error)\b/.test(text);
  const form = status?.source === 'cloudflare' ? status.form : undefined;
  // "Error 502" alone could be anyone's page; it is Cloudflare's only when the page says so.
  const branded = markers || form === 'title' || (form === 'code' && text.includes('cloudflare'));
  const plain = !branded && form === 'plain';
  const unbranded = !branded && !plain ? signature(page, (c) => c === 'cloudflare' || c === 'cloudflare-nginx') : undefined;
  if (!branded && !plain && !unbranded) return undefined;

  const byName = status === undefined && branded ? statusFromName(page) : undefined;
  const code = status?.status ?? byName?.value;
  const data: Signal<'cloudflare'>['data'] = {};
  if (code !== undefined) data.status = code;
  // The plain-text body does not tell who produced the error: leave `branded` unset.
  if (branded) data.branded = true;
  else if (unbranded) data.branded = false;
  const ray = rayId(page);
  if (ray) data.rayId = ray;
  const index = status?.index ?? byName?.line.index ?? unbranded?.index ?? page.lineContaining('cloudflare')?.index ?? page.start;
  return { id: 'cloudflare', data, ref: page.ref(index) };
}

/** A branded page whose number was lost in the copy still names its error ("A timeout occurred"). */
function statusFromName(page: Page): { value: number; line: TextLine } | undefined {
  return page.findChunk((chunk) => CLOUDFLARE_NAMES[chunk.toLowerCase()]);
}

/** `Cloudflare Ray ID: 8d2f1c3b4a5e6f70` (the id may sit in the next chunk or line). */
function rayId(page: Page): string | undefined {
  for (const line of page.lines) {
    const at = line.text.indexOf('Ray ID:');
    if (at < 0) continue;
    const after = RAY_ID.exec(line.text.slice(at + 'Ray ID:'.length));
    if (after) return after[1];
    const next = page.nextLine(line);
    const onNext = next ? RAY_ID.exec(next.text) : null;
    if (onNext) return onNext[1];
  }
  return undefined;
}

/** Front Door's page ends with `Ref A: ... Ref B: ... Ref C: ...` or a bare tracking reference. */
function frontDoorReference(page: Page): string | undefined {
  const parts: string[] = [];
  for (const line of page.lines) {
    if (/^Ref [ABC]:/.test(line.text)) parts.push(line.text);
    else if (parts.length > 0) break;
  }
  if (parts.length > 0) return parts.join(' ');
  return page.findChunk((chunk) => (FRONT_DOOR_TRACKING.test(chunk) ? chunk : undefined))?.value;
}

/**
 * An app_offline.htm page: any page that names app_offline, or a maintenance notice that matched
 * no gateway template and shows no error status (ANCM serves app_offline.htm as is, with a 503).
 */
function appOffline(page: Page, status: PageStatus | undefined, otherLayer: boolean): number | undefined {
  const named = page.lineContaining('app_offline');
  if (named) return named.index;
  if (page.rawLower.includes('app_offline')) return page.start;
  if (otherLayer || status !== undefined) return undefined;
  const notice = page.lines.find((l) => MAINTENANCE.test(l.text.toLowerCase()));
  return notice?.index;
}
