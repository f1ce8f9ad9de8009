import * as registered from './registered.ts';
import type { Provider } from './Provider.ts';

/** Every front door, each answering the requests its provider.json `match` recognises (src/providers/matchProvider.ts). */
export const providers: readonly Provider[] = Object.values(registered);
