// The container of a video from its first bytes, as the vendor checks "支持mp4、avi、flv格式"
// (LivenessCompare VideoBase64). Only the signature is read, never a frame. Hand-written: file-type,
// the library that knows these signatures, has only an asynchronous API, and the image pipeline reads
// headers synchronously; three fixed signatures need no more.

/**
 * `mp4` (an ISO base media file: a box of type `ftyp` first, ISO/IEC 14496-12 §4.3), `avi` (RIFF with
 * form type `AVI `), `flv` (`FLV` and version 1), or undefined for anything else.
 */
export function sniffVideo(bytes: Uint8Array): 'mp4' | 'avi' | 'flv' | undefined {
  const text = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && text(4, 8) === 'ftyp') return 'mp4';
  if (bytes.length >= 12 && text(0, 4) === 'RIFF' && text(8, 12) === 'AVI ') return 'avi';
  if (bytes.length >= 9 && text(0, 3) === 'FLV' && bytes[3] === 1) return 'flv';
  return undefined;
}
