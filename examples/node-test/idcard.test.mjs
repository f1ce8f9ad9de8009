import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { startMock, WELL_KNOWN } from 'idcard-mock';
import { ocr } from 'tencentcloud-sdk-nodejs-ocr';

let mock;
before(async () => {
  mock = await startMock({ seed: 'my-app-tests' }); // any free port; the same seed gives the same people
});
after(() => mock.close());
beforeEach(() => mock.reset()); // journal, bindings and counters start empty in every test

// Your code makes this client; in tests, point it at mock.endpoint.
const client = () => new ocr.v20181119.Client({
  credential: WELL_KNOWN.tencent,
  region: 'ap-guangzhou',
  profile: { httpProfile: { endpoint: mock.endpoint, protocol: 'http://' } },
});

test('reads the person on the card', async () => {
  const card = await client().IDCardOCR({ ImageUrl: 'https://example.com/alice-front.jpg' });
  assert.match(card.IdNum, /^\d{17}[\dX]$/);
  assert.equal((await mock.journal({ api: 'IDCardOCR', outcome: 'ok' })).length, 1);
});

test('a blurry photo is an error', async () => {
  await mock.bind(WELL_KNOWN.tencent.secretId, 'FailedOperation.ImageBlur');
  await assert.rejects(client().IDCardOCR({ ImageUrl: 'https://example.com/alice-front.jpg' }), { code: 'FailedOperation.ImageBlur' });
});

test('throttled once, then answered', async () => {
  await mock.bind(WELL_KNOWN.tencent.secretId, { steps: ['RequestLimitExceeded', {}] });
  await assert.rejects(client().IDCardOCR({ ImageUrl: 'https://example.com/bob-front.jpg' }), { code: 'RequestLimitExceeded' });
  assert.ok((await client().IDCardOCR({ ImageUrl: 'https://example.com/bob-front.jpg' })).IdNum);
  assert.deepEqual((await mock.journal()).map((e) => e.outcome), ['RequestLimitExceeded', 'ok']);
});
