// openapi-typescript prints its output with the TypeScript 5 compiler API; this workspace package gives it a
// TypeScript 5 of its own (the project's TypeScript 7 has no JavaScript API), so it is imported from here.
import openapiTS, { astToString, transformSchemaObject } from 'openapi-typescript';
import ts from 'typescript';

/** The longest fixed-length array written as a tuple (points `[x, y]`, ranges); longer ones stay `T[]`. */
const MAX_TUPLE = 4;

/**
 * OpenAPI 3.0 has no tuples: zod writes `z.tuple([a, b])` as an array of exactly two items. Such an array becomes the
 * TypeScript tuple it stands for; arrays with looser bounds keep the plain `T[]` type.
 */
function fixedLengthArrayAsTuple(schema, options) {
  const length = schema.minItems;
  if (schema.type !== 'array' || length === undefined || length !== schema.maxItems || length < 1 || length > MAX_TUPLE) return undefined;
  if (!schema.items || Array.isArray(schema.items)) return undefined;
  const item = transformSchemaObject(schema.items, options);
  return ts.factory.createTupleTypeNode(Array.from({ length }, () => item));
}

/** TypeScript declarations (`paths`, `components`, `operations`) for an OpenAPI 3 document. */
export async function openapiToTypeScript(document) {
  const nodes = await openapiTS(document, { silent: true, alphabetize: true, transform: fixedLengthArrayAsTuple });
  return astToString(nodes);
}
