// Reference server 1: bare node:http. Reads the whole body, answers a fixed JSON. The ceiling.
import { createServer } from 'node:http';
import { announce, huaweiReply, portFromArgs, tencentReply } from './replies.mjs';

const tencentBytes = Buffer.from(JSON.stringify(tencentReply));
const huaweiBytes = Buffer.from(JSON.stringify(huaweiReply));

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks);
    const body = req.url.startsWith('/v2/') ? huaweiBytes : tencentBytes;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  });
});
server.listen(portFromArgs(process.argv), '127.0.0.1', () => announce('node:http reference', server));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
