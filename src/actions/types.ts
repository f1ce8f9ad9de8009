import type { ApiDefinition, Flavor } from '../data/types.ts';
import type { ImageInput } from '../pipeline/resolveImage.ts';
import type { ChosenScenario } from '../pipeline/chooseScenarios.ts';
import type { Runtime } from '../runtime.ts';

export interface ActionInput {
  api: ApiDefinition;
  params: Record<string, unknown>;
  flavor: Flavor;
  image: ImageInput;
  scenario: ChosenScenario;
  runtime: Runtime;
}

/** Produces the action's fields (JSON-text fields as objects); the pipeline lays them over the schema skeleton. */
export type ActionHandler = (input: ActionInput) => Record<string, unknown>;
