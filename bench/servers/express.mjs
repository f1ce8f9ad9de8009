// Reference server 2: a minimal Express 5 app, the framework the emulator keeps. express.json reads
// and parses the body (12 MB limit, Huawei's), the handler answers a fixed JSON.
import express from 'express';
import { announce, portFromArgs, replyFor } from './replies.mjs';

const app = express();
app.use(express.json({ limit: '12mb' }));
app.use((req, res) => { res.json(replyFor(req.path)); });
const server = app.listen(portFromArgs(process.argv), '127.0.0.1', () => announce('express reference', server));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
