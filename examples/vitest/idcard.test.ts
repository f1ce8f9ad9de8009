import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startMock, WELL_KNOWN, type Mock } from 'idcard-mock';
import { ocr } from 'tencentcloud-sdk-nodejs-ocr';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock({ seed: 'my-app-tests' }); // any free port; the same seed gives the same people
});
afterAll(() => mock.close());
beforeEach(() => mock.reset()); // journal, bindings and counters start empty in every test

// Your code makes this client; in tests, point it at mock.endpoint.
const client = () => new ocr.v20181119.Client({
  credential: WELL_KNOWN.tencent,
  region: 'ap-guangzhou',
  profile: { httpProfile: { endpoint: mock.endpoint, protocol: 'http://' } },
});

test('reads the person on the card', async () => {
  const card = await client().IDCardOCR({ ImageUrl: 'https://example.com/alice-front.jpg' });
  expect(card.IdNum).toMatch(/^\d{17}[\dX]$/);
  expect(card.Name).not.toBe('');
  expect(await mock.journal({ api: 'IDCardOCR', outcome: 'ok' })).toHaveLength(1);
});

test('a blurry photo is an error', async () => {
  await mock.bind(WELL_KNOWN.tencent.secretId, 'FailedOperation.ImageBlur');
  await expect(client().IDCardOCR({ ImageUrl: 'https://example.com/alice-front.jpg' }))
    .rejects.toMatchObject({ code: 'FailedOperation.ImageBlur' });
});

test('throttled once, then answered', async () => {
  await mock.bind(WELL_KNOWN.tencent.secretId, { steps: ['RequestLimitExceeded', {}] });
  await expect(client().IDCardOCR({ ImageUrl: 'https://example.com/bob-front.jpg' })).rejects.toMatchObject({ code: 'RequestLimitExceeded' });
  await expect(client().IDCardOCR({ ImageUrl: 'https://example.com/bob-front.jpg' })).resolves.toHaveProperty('IdNum');
  expect((await mock.journal()).map((e) => e.outcome)).toEqual(['RequestLimitExceeded', 'ok']);
});
