// openapi-typescript prints its output with the TypeScript 5 compiler API; this workspace package gives it a
// TypeScript 5 of its own (the project's TypeScript 7 has no JavaScript API), so it is imported from here.
import openapiTS, { astToString } from 'openapi-typescript';

/** TypeScript declarations (`paths`, `components`, `operations`) for an OpenAPI 3 document. */
export async function openapiToTypeScript(document) {
  const nodes = await openapiTS(document, { silent: true, alphabetize: true });
  return astToString(nodes);
}
