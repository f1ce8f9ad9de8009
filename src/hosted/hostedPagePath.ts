/** Where the hosted verification page is served: outside /__mock, as the end user's browser (often a phone) opens it, not a loopback admin. */
export const HOSTED_PAGE_PATH = '/verify/';
