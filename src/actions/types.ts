import type { ApiDefinition, Flavor, Language, ProviderFacts } from '../data/types.ts';
import type { AuthMode } from '../config.ts';
import type { ImageInput } from '../pipeline/resolveImage.ts';
import type { ChosenScenario } from '../pipeline/chooseScenarios.ts';
import type { RegisterStore } from '../state/identityRegister.ts';
import type { TokenStoreContract } from '../state/tokenStore.ts';
import type { FaceIdFlowStore } from '../state/faceIdFlows.ts';
import type { Person } from '../identity/index.ts';

/** What an action's logic may read and change: the request, the chosen scenario, and the state it owns. */
export interface ActionInput {
  api: ApiDefinition;
  params: Record<string, unknown>;
  flavor: Flavor;
  /** The language the client asked for, if it asked. */
  language?: Language;
  image: ImageInput;
  /** The action's extraImages, by name (action.json). */
  images: Record<string, ImageInput>;
  scenario: ChosenScenario;
  /** The person in the image, or the one an ID number pinned by the scenario describes (birth, sex, address, authority follow it). */
  person(): Person;
  /** The seed of the fake population (--seed). */
  seed: string;
  /** The emulator's clock, in milliseconds. */
  now: number;
  /** Who is on record for the verification APIs: the operations an action may call, not the store. */
  register: Pick<RegisterStore, 'remember' | 'nameOf' | 'countToday'>;
  /** Issues a token the provider's authenticate will find (IAM's password token API). */
  tokens: Pick<TokenStoreContract, 'issue'>;
  /** Hosted verification flows (async: the store may be outside the process). */
  flows: Pick<FaceIdFlowStore, 'start' | 'find' | 'decide'>;
  strictRegister: boolean;
  auth: AuthMode;
  /** Where keys/ (the published test key pair) lives. */
  dataDir: string;
  /** The provider's limits (token lifetime, …). */
  limits: ProviderFacts['limits'];
  /** The provider's well-known test credentials (provider.json `testCredentials.values`). */
  testCredentials: Readonly<Record<string, string>>;
  request: { host: string; query: URLSearchParams };
  /** A response header of the success reply (IAM's X-Subject-Token). */
  setHeader(name: string, value: string): void;
  /**
   * Whether the request asks for the response field at a dot path (`result.portrait_image`,
   * `AdvancedInfo.Quality`), by the response schema's `x-when`/`x-unless`/`x-flavors`: compute a costly
   * field only when it is wanted (what is not is dropped from the answer anyway).
   */
  wanted(path: string): boolean;
}

/** Produces the action's fields (JSON-text fields as objects); the pipeline lays them over the schema skeleton. */
export type ActionHandler = (input: ActionInput) => Record<string, unknown> | Promise<Record<string, unknown>>;
