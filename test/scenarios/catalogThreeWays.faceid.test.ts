import { catalogThreeWays } from './catalogThreeWays.ts';

// Every outcome of Tencent's FaceID APIs three ways (test/scenarios/catalogThreeWays.ts says how); the other
// APIs in catalogThreeWays.others.test.ts, so that two workers share the cases.
catalogThreeWays((api) => api.meta.provider === 'tencent' && api.meta.service === 'faceid', false);
