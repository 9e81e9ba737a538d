/** TypeScript declarations (`paths`, `components`, `operations`) for an OpenAPI 3 document. */
export function openapiToTypeScript(document: object): Promise<string>;
