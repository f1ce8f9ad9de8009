import { catalogThreeWays } from './catalogThreeWays.ts';

// Every outcome of every API but Tencent's FaceID ones three ways (test/scenarios/catalogThreeWays.ts says how),
// the shared codes by marker and fixture image once per provider, and what coverage lists for every API.
catalogThreeWays((api) => !(api.meta.provider === 'tencent' && api.meta.service === 'faceid'), true);
