import { hash } from 'node:crypto';
import { readsCard } from '../data/readsCard.ts';
import { LRUCache } from 'lru-cache';
import { decodeBase64 } from '../images/decodeBase64.ts';
import { sniffImage, type ImageInfo } from '../images/sniffImage.ts';
import { sniffVideo } from '../images/sniffVideo.ts';
import { readMarkers, type ImageMarkers } from '../images/markers.ts';
import type { Flavor, ImageProblem, ImageRules } from '../data/types.ts';

export interface ImageInput {
  /** What seeds the person: the image bytes' sha256, or the URL itself when it is not fetched. */
  key: string;
  bytes?: Buffer;
  info?: ImageInfo;
  markers: ImageMarkers;
  /** A real input problem; the action's image.errors maps it to the vendor code. */
  problem?: ImageProblem;
  /** No image was read: none was sent (and the rules allow that), or parameters of higher priority were (skipWhen). */
  absent?: boolean;
}

/**
 * Reads the image parameters as the vendor does: the URL or the base64 text (whichever the API says
 * wins), the size limit on the base64 text, then the real format and dimensions from the header
 * bytes, and the fixture marker if the image carries one. Pixels are never decoded.
 */
export async function resolveImage(rules: ImageRules, params: Record<string, unknown>, flavor: Flavor, fetchImageUrls: boolean, downloadTimeoutMs: number): Promise<ImageInput> {
  if (rules.skipWhen?.length && rules.skipWhen.every((p) => params[p] !== undefined)) return { key: 'none', markers: {}, absent: true };
  const b64 = params[rules.base64];
  const url = params[rules.url];
  const useUrl = typeof url === 'string' && url !== '' && (rules.precedence === 'url' || typeof b64 !== 'string' || b64 === '');
  const maxBase64 = rules.maxBase64Bytes[flavor] ?? rules.maxBase64Bytes.domestic;
  if (useUrl) {
    if (!fetchImageUrls) return { key: `url:${url}`, markers: {} };
    const bytes = await download(url, Math.ceil((maxBase64 * 3) / 4), downloadTimeoutMs);
    return bytes ? inspect(bytes, rules) : { key: `url:${url}`, markers: {}, problem: 'download' };
  }
  if (typeof b64 !== 'string') return rules.optional ? { key: 'none', markers: {}, absent: true } : { key: 'none', markers: {}, problem: 'missing' };
  if (b64 === '') return { key: 'none', markers: {}, problem: 'empty' };
  if (b64.length > maxBase64) return { key: 'none', markers: {}, problem: 'tooLarge' };
  const image = decodeImage(b64);
  if (!image) return { key: 'none', markers: {}, problem: 'undecodable' };
  if (image.bytes.length === 0) return { key: 'none', markers: {}, problem: 'empty' };
  return inspect(image.bytes, rules, image.key);
}

/**
 * The image's bytes and their sha256 (the person's seed), decoded every time. A cache keyed by the base64
 * text cost more than it saved: V8 hashes a new key string in full, which took longer than decoding and
 * hashing the image at every size measured (2 kB and 16 kB of base64; the commit that removed it has the figures).
 */
function decodeImage(b64: string): { bytes: Buffer; key: string } | undefined {
  const bytes = decodeBase64(b64);
  return bytes && { bytes, key: hash('sha256', bytes, 'hex') };
}

/** What the header bytes say, by image hash: the same fixture image is sent again and again, and reads the same. */
const headersRead = new LRUCache<string, { info?: ImageInfo; markers: ImageMarkers }>({ max: 256 });

function readHeader(key: string, bytes: Buffer): { info?: ImageInfo; markers: ImageMarkers } {
  let read = headersRead.get(key);
  if (!read) {
    const info = sniffImage(bytes);
    read = Object.freeze({ info, markers: Object.freeze(info ? readMarkers(bytes) : {}) });
    headersRead.set(key, read);
  }
  return read;
}

function inspect(bytes: Buffer, rules: ImageRules, key = hash('sha256', bytes, 'hex')): ImageInput {
  if (rules.media === 'video') return inspectVideo(bytes, rules, key);
  const { info, markers } = readHeader(key, bytes);
  if (!info) return { key, bytes, markers: {}, problem: 'undecodable' };
  const base = { key, bytes, info, markers };
  if (!rules.formats.includes(info.format)) return { ...base, problem: 'unsupported' };
  if (Math.min(info.width, info.height) < (rules.minSide ?? 1)) return { ...base, problem: 'tooSmall' };
  if (rules.maxSide && Math.max(info.width, info.height) > rules.maxSide) return { ...base, problem: 'tooLarge' };
  if (markers.card && !readsCard(rules, markers.card)) return { ...base, problem: 'wrongCard' };
  if (rules.side && markers.side && markers.side.toUpperCase() !== rules.side) return { ...base, problem: 'wrongSide' };
  return base;
}

/** A video: its container from the first bytes (mp4, avi, flv); no frame is decoded, so no size or marker is read. */
function inspectVideo(bytes: Buffer, rules: ImageRules, key: string): ImageInput {
  const format = sniffVideo(bytes);
  if (!format) return { key, bytes, markers: {}, problem: 'undecodable' };
  const base = { key, bytes, markers: {}, info: { format, width: 0, height: 0 } };
  return rules.formats.includes(format) ? base : { ...base, problem: 'unsupported' };
}

/** Only with --fetch-image-urls: a bounded GET (the provider's download timeout, "图片下载时间不超过3秒" in the IDCardOCR doc); any failure (status, timeout, size) is undefined. */
/** Redirects an ImageUrl download may follow. */
const MAX_REDIRECTS = 3;

async function download(url: string, cap: number, timeoutMs: number): Promise<Buffer | undefined> {
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    let target = new URL(url);
    let res: Response | undefined;
    // http(s) only (fetch would also read data: and blob: URLs), and at most MAX_REDIRECTS hops, each checked.
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
      res = await fetch(target, { signal, redirect: 'manual' });
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (!location) break;
      await res.body?.cancel();
      if (hop === MAX_REDIRECTS) return undefined;
      target = new URL(location, target);
    }
    if (!res || !res.ok || !res.body) return undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > cap) return undefined;
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  } catch {
    return undefined;
  }
}
