import { decode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64 } from '../../src/images/decodeBase64.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { makeJpeg } from '../../src/images/makeJpeg.ts';
import { formatMarkers } from '../../src/images/markerText.ts';
import { readMarkers, type ImageMarkers } from '../../src/images/markers.ts';
import { sniffImage } from '../../src/images/sniffImage.ts';

/** A 2x2 24-bit BMP: 14-byte file header, 40-byte BITMAPINFOHEADER, two padded rows. */
function tinyBmp(): Buffer {
  const b = Buffer.alloc(54 + 16);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(2, 18);
  b.writeInt32LE(2, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(16, 34);
  return b;
}

// The classic 1x1 GIF89a.
const TINY_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

describe('decodeBase64', () => {
  const bytes = Buffer.from('hello idcard!'); // 13 bytes: encoding ends in '=='
  const b64 = bytes.toString('base64');

  it('accepts padded, unpadded, data-URL and wrapped input', () => {
    expect(b64.endsWith('==')).toBe(true);
    expect(decodeBase64(b64)).toEqual(bytes);
    expect(decodeBase64(b64.replace(/=+$/, ''))).toEqual(bytes);
    expect(decodeBase64(`data:image/jpeg;base64,${b64}`)).toEqual(bytes);
    expect(decodeBase64(`  ${b64.slice(0, 8)}\r\n${b64.slice(8)}\n`)).toEqual(bytes);
    expect(decodeBase64('')).toEqual(Buffer.alloc(0));
  });

  it('rejects bad characters and impossible lengths', () => {
    for (const bad of ['@@@', 'abc$def', 'A', 'AAAAA', 'AB=C', 'AB===', 'A===', 'ab-_', 'QQ==QQ==']) {
      expect(decodeBase64(bad), bad).toBeUndefined();
    }
  });

  it('tolerates whitespace anywhere, padding included, and nothing else', () => {
    expect(decodeBase64('QQ= =')).toEqual(Buffer.from('A'));
    expect(decodeBase64('Q\fQ\t=\r\n=\n')).toEqual(Buffer.from('A'));
    expect(decodeBase64(' \n ')).toEqual(Buffer.alloc(0));
    expect(decodeBase64(`\n data:image/png;base64,\n${b64}`)).toEqual(bytes);
    for (const bad of ['=', '==', 'QQ=', 'QUJ==', 'Q\vQ==', 'QQ\u00a0==', 'QUJé', 'data:image/png;base64,@', 'data:text/plain;base64,QUJD']) {
      expect(decodeBase64(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('decodes what Buffer encodes, with whitespace inserted anywhere and the padding kept or dropped', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.tuple(fc.nat(100), fc.constantFrom(' ', '\n', '\r\n', '\t', '\f')), { maxLength: 4 }), fc.boolean(),
      (data, inserts, unpadded) => {
        let text = Buffer.from(data).toString('base64');
        if (unpadded) text = text.replace(/=+$/, '');
        for (const [at, ws] of inserts) text = text.slice(0, at) + ws + text.slice(at);
        expect(decodeBase64(text)).toEqual(Buffer.from(data));
      }));
  });

  it('decodes 10 MB quickly', () => {
    const big = Buffer.alloc(7.5 * 1024 * 1024, 0xa5).toString('base64');
    expect(big.length).toBe(10 * 1024 * 1024);
    const started = performance.now();
    const out = decodeBase64(big);
    const elapsed = performance.now() - started;
    expect(out?.length).toBe(7.5 * 1024 * 1024);
    expect(elapsed).toBeLessThan(300);
  });
});

describe('sniffImage', () => {
  it('finds format and dimensions of generated and hand-built images', () => {
    expect(sniffImage(makeCardImage({}))).toEqual({ format: 'jpg', width: 856, height: 540 });
    expect(sniffImage(makeCardImage({ format: 'png', width: 100, height: 60 }))).toEqual({ format: 'png', width: 100, height: 60 });
    expect(sniffImage(tinyBmp())).toEqual({ format: 'bmp', width: 2, height: 2 });
    expect(sniffImage(TINY_GIF)).toEqual({ format: 'gif', width: 1, height: 1 });
  });

  it('returns undefined for non-images', () => {
    expect(sniffImage(Buffer.from('hello'))).toBeUndefined();
    expect(sniffImage(new Uint8Array(0))).toBeUndefined();
  });
});

describe('makeJpeg', () => {
  it.each(['card', 'portrait'] as const)('makes a decodable, deterministic %s JPEG', (kind) => {
    const opts = { width: 123, height: 77, seed: 's1', kind };
    const jpeg = makeJpeg(opts);
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(jpeg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const img = decode(jpeg, { useTArray: true });
    expect([img.width, img.height]).toEqual([123, 77]);
    expect(makeJpeg({ ...opts })).toEqual(jpeg);
    expect(makeJpeg({ ...opts, seed: 's2' })).not.toEqual(jpeg);
  });

  it('returns a copy, so callers cannot corrupt the cache', () => {
    const a = makeJpeg({ width: 10, height: 10, seed: 'x', kind: 'portrait' });
    const before = Buffer.from(a);
    a.fill(0);
    expect(makeJpeg({ width: 10, height: 10, seed: 'x', kind: 'portrait' })).toEqual(before);
  });

  it('embeds a comment that readMarkers and decoders see', () => {
    const jpeg = makeJpeg({ width: 16, height: 16, seed: 'c', kind: 'card', comment: 'idcard-mock:card=hk' });
    expect(readMarkers(jpeg)).toEqual({ card: 'hk' });
    expect(decode(jpeg).comments).toEqual(['idcard-mock:card=hk']);
  });

  it('rejects unusable sizes', () => {
    expect(() => makeJpeg({ width: 0, height: 10, seed: 'x', kind: 'card' })).toThrow(RangeError);
    expect(() => makeJpeg({ width: 1.5, height: 10, seed: 'x', kind: 'card' })).toThrow(RangeError);
  });
});

describe('markers', () => {
  const markers: ImageMarkers = { card: 'mainland', side: 'BACK', scenario: ['warning:-9102', 'warning:-9103'] };

  it('formats the documented text', () => {
    expect(formatMarkers(markers)).toBe('idcard-mock:card=mainland;side=BACK;scenario=warning:-9102,warning:-9103');
    expect(() => formatMarkers({ card: 'a;b' })).toThrow(RangeError);
    expect(() => formatMarkers({ scenario: ['a,b'] })).toThrow(RangeError);
  });

  it.each(['jpg', 'png'] as const)('round-trips through a %s fixture', (format) => {
    const image = makeCardImage({ format, width: 200, height: 126, markers });
    expect(sniffImage(image)?.format).toBe(format);
    expect(readMarkers(image)).toEqual(markers);
    expect(readMarkers(makeCardImage({ format, markers: { card: 'hk', extra: 'x=y' } }))).toEqual({ card: 'hk', extra: 'x=y' });
  });

  it('returns {} without markers or for non-images', () => {
    expect(readMarkers(makeCardImage({ format: 'jpg' }))).toEqual({});
    expect(readMarkers(makeCardImage({ format: 'png' }))).toEqual({});
    expect(readMarkers(makeJpeg({ width: 8, height: 8, seed: 'n', kind: 'portrait', comment: 'just a comment' }))).toEqual({});
    expect(readMarkers(Buffer.from('hello'))).toEqual({});
    expect(readMarkers(new Uint8Array(0))).toEqual({});
    expect(readMarkers(TINY_GIF)).toEqual({});
  });

  it('stops at truncated headers without throwing', () => {
    const jpeg = makeCardImage({ markers });
    expect(readMarkers(jpeg.subarray(0, 30))).toEqual({});
    const png = makeCardImage({ format: 'png', markers });
    expect(readMarkers(png.subarray(0, 40))).toEqual({});
  });
});
