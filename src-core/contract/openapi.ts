import { z } from 'zod';
import { operations, OPERATION_NAMES } from './operations';

const ErrorSchema = {
  type: 'object',
  required: ['ok', 'error'],
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      required: ['code', 'messageKey', 'message'],
      properties: {
        code: { type: 'string' },
        messageKey: { type: 'string' },
        message: { type: 'string', description: 'translated by Accept-Language (kk, ru, en)' },
        params: { type: 'object' },
        fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, messageKey: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

const json = (schema: object) => ({ content: { 'application/json': { schema } } });

/** The OpenAPI 3.1 document of /api/<name>, generated from the contract: nothing is described twice. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    const op = operations[name];
    if ('device' in op) continue; // served by the desktop client only
    const access = op.access === 'public' ? 'public' : op.access === 'signedIn' ? 'any signed-in user' : `permission ${op.access.permission}`;
    paths[`/api/${name}`] = {
      post: {
        operationId: name,
        summary: op.summary,
        description: `${op.kind === 'command' ? 'Command' : 'Query'}; access: ${access}.`,
        tags: [name.split('.')[0]],
        ...(op.access === 'public' ? { security: [] } : {}),
        requestBody: { required: true, ...json(z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' })) },
        responses: {
          200: { description: 'Done', ...json({ type: 'object', required: ['ok', 'result'], properties: { ok: { const: true }, result: z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }) } }) },
          400: { description: 'Invalid input: the fields are named', ...json(ErrorSchema) },
          401: { description: 'Not signed in', ...json(ErrorSchema) },
          403: { description: 'The caller may not do this', ...json(ErrorSchema) },
          404: { description: 'Unknown operation or record', ...json(ErrorSchema) },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sabaq central server', version, description: 'Every operation of the Sabaq contract, served at POST /api/<name>.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
