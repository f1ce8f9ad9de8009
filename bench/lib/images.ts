import { createCipheriv } from 'node:crypto';
import { encodePng } from '../../src/images/encodePng.ts';
import { paintPicture } from '../../src/images/paintPicture.ts';

/**
 * A real PNG of about 1.5 KB (a portrait silhouette: flat colours compress well): a 2 KB JSON body.
 * The card mock-up of makeCardImage prints text and a guilloche: 24 KB at this size.
 */
export function smallPng(): Buffer {
  return encodePng(paintPicture(300, 189, 'bench', 'portrait'), 300, 189);
}

/**
 * A PNG of about `bytes` (5.5 MB by default: 7.3 MB of JSON once in base64) that deflate cannot
 * shrink: its pixels are a deterministic pseudo-random stream (AES-CTR over zeros), so the file
 * is as large as its pixels and the same on every run.
 */
export function largePng(bytes = 5_500_000, width = 1500): Buffer {
  const height = Math.floor(bytes / (width * 3 + 1));
  const stream = createCipheriv('aes-128-ctr', Buffer.alloc(16, 7), Buffer.alloc(16, 0));
  const rgba = Buffer.concat([stream.update(Buffer.alloc(width * height * 4)), stream.final()]);
  return encodePng(rgba, width, height);
}
