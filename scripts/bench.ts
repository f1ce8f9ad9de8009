// Throughput of IDCardOCR through the real Node SDK: `npx tsx scripts/bench.ts` (client and server share one process).
import { startServer } from '../test/helpers/startServer.ts';
import { ocrClient } from '../test/helpers/tencentClients.ts';
import { makeCardImage } from '../src/images/makeCardImage.ts';
const s = await startServer({ rateLimit: false, checkResponses: false });
const image = makeCardImage({ seed: 'bench' }).toString('base64');
const client = ocrClient(s.endpoint);
for (const [n, conc] of [[400, 8]] as const) {
  const t0 = performance.now(); let i = 0;
  await Promise.all(Array.from({ length: conc }, async () => { while (i++ < n) await client.IDCardOCR({ ImageBase64: image, Config: '{"CropPortrait":true}' }); }));
  const ms = performance.now() - t0;
  console.log(`IDCardOCR via tencentcloud-sdk-nodejs-ocr, ${Math.round(image.length / 1024)} KB image, ${n} requests, ${conc} in flight: ${Math.round(n / (ms / 1000))} req/s (client and server in one process)`);
}
await s.close();
