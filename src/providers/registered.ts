// Every vendor, one line each: its folder's Provider (src/providers/Provider.ts).
export { tencent } from './tencent/index.ts';
export { huawei } from './huawei/index.ts';
export { alibaba } from './alibaba/index.ts';
