import { tencent } from './tencent/index.ts';
import { huawei } from './huawei/index.ts';
import type { Provider } from './Provider.ts';

/** Every front door, each answering the paths its provider.json `owns`. */
export const providers: readonly Provider[] = [tencent, huawei];
