// Identifies an uploaded image from its header bytes so the emulator can apply
// the vendors' format and size rules without ever decoding pixels (payloads can
// be 10 MB; decoding would be slow and memory hungry).
import { requireDependency } from '../requireDependency.ts';

// image-size (some 25 modules) is loaded with the first image, not at every start.
let imageSize: typeof import('image-size').imageSize | undefined;

/** image-size's type names ('jpg', 'png', 'bmp', 'gif', 'webp', 'tiff', 'svg', ...). */
export type ImageFormat = 'jpg' | 'png' | 'bmp' | 'gif' | 'webp' | 'tiff' | string;

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

/**
 * Real format and stored dimensions (EXIF orientation is not applied), or
 * undefined when the bytes are not a recognised image or the header is corrupt.
 * Note that image-size recognises weakly signed formats too (e.g. TGA, SVG text),
 * so callers must still check the format against what the API accepts.
 */
export function sniffImage(bytes: Uint8Array): ImageInfo | undefined {
  if (bytes.length === 0) return undefined;
  imageSize ??= (requireDependency('image-size') as typeof import('image-size')).imageSize;
  try {
    const { type, width, height } = imageSize(bytes);
    if (!type || !(width > 0) || !(height > 0)) return undefined;
    return { format: type, width, height };
  } catch {
    // image-size throws for unknown formats and for truncated/corrupt headers.
    return undefined;
  }
}
