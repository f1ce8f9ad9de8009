import { DEFAULT_REGION, iamId } from './iamIds.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * `GET /v3/projects?name=<region>`, AK/SK-signed by the SDKs when they have a region and no project id:
 * exactly one project, so both SDKs take `projects[0].id` and never go on to create one.
 */
export const KeystoneListProjects: ActionHandler = ({ params, seed, request }) => {
  const name = typeof params.name === 'string' && params.name !== '' ? params.name : DEFAULT_REGION;
  const id = iamId(seed, 'project', name);
  const domainId = iamId(seed, 'domain', 'idcard-mock');
  const self = `http://${request.host}/v3/projects`;
  return {
    projects: [{ id, name, domain_id: domainId, is_domain: false, parent_id: domainId, enabled: true, description: '', links: { self: `${self}/${id}` } }],
    links: { self: `${self}?name=${encodeURIComponent(name)}`, next: null, previous: null },
  };
};
