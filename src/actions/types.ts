import type { ApiDefinition, Flavor, Language } from '../data/types.ts';
import type { ImageInput } from '../pipeline/resolveImage.ts';
import type { ChosenScenario } from '../pipeline/chooseScenarios.ts';
import type { Runtime } from '../runtime.ts';

export interface ActionInput {
  api: ApiDefinition;
  params: Record<string, unknown>;
  flavor: Flavor;
  /** The language the client asked for (X-TC-Language / Language), if it asked. */
  language?: Language;
  image: ImageInput;
  /** The action's extraImages, by name (action.json). */
  images: Record<string, ImageInput>;
  scenario: ChosenScenario;
  runtime: Runtime;
}

/** Produces the action's fields (JSON-text fields as objects); the pipeline lays them over the schema skeleton. */
export type ActionHandler = (input: ActionInput) => Record<string, unknown>;
