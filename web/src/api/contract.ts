import type { components, paths } from './schema.gen';

/**
 * The server's HTTP contract as TypeScript types, all derived from schema.gen.ts (generated from the OpenAPI
 * document; `npm run gen:api`). Pages name the shapes they show with `Schemas['ViolationDetail']`, and the client
 * types each call by its URL: `api.get(`/api/cameras/${id}`)` answers `Schemas['CameraDetail']`.
 */

/** The named response and request shapes of the API (components of the OpenAPI document). */
export type Schemas = components['schemas'];

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type ApiPath = keyof paths;

type OperationOf<P extends ApiPath, M extends HttpMethod> = Exclude<paths[P][M], undefined>;
/** The OpenAPI paths that have an operation for `M`. */
type PathsWith<M extends HttpMethod> = { [P in ApiPath]: [OperationOf<P, M>] extends [never] ? never : P }[ApiPath];

/** `/api/cameras/{id}/grants` → `/api/cameras/${string}/grants`: the URLs a page may write for a path. */
type Concrete<P extends string> = P extends `${infer Head}{${string}}${infer Tail}` ? `${Head}${string}${Concrete<Tail>}` : P;

/** The URLs that have an operation for `M`, as pages write them (template literals for path parameters). */
export type UrlFor<M extends HttpMethod> = Concrete<PathsWith<M>>;

type Segments<S extends string> = S extends `${infer Head}/${infer Tail}` ? [Head, ...Segments<Tail>] : [S];
/** One segment of a URL against one of a path: a `{param}` takes anything, other segments must be equal. */
type SegmentsMatch<U extends readonly string[], P extends readonly string[]> = U extends [infer UH, ...infer UT extends string[]]
  ? P extends [infer PH, ...infer PT extends string[]]
    ? PH extends `{${string}}`
      ? SegmentsMatch<UT, PT>
      : UH extends PH
        ? SegmentsMatch<UT, PT>
        : false
    : false
  : P extends []
    ? true
    : false;

/**
 * The OpenAPI path a URL stands for, segment by segment (a parameter never spans a `/`); a fixed path wins over a
 * parameter (`/api/cameras/test` is not `/api/cameras/{id}`).
 */
export type PathOf<U extends string, M extends HttpMethod> = U extends PathsWith<M>
  ? U
  : { [P in PathsWith<M>]: SegmentsMatch<Segments<U>, Segments<P>> extends true ? P : never }[PathsWith<M>];

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;
type SuccessOf<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? JsonOf<R[S]> : S extends 204 ? undefined : never }[keyof R]
  : never;

/** What a successful call answers (`undefined` for 204 and for file bytes). */
export type ApiResponse<U extends string, M extends HttpMethod = 'get'> = SuccessOf<OperationOf<PathOf<U, M>, M>>;

type BodyOf<O> = O extends { requestBody?: infer B }
  ? B extends { content: infer C }
    ? ('application/json' extends keyof C ? C['application/json'] : never) | ('multipart/form-data' extends keyof C ? FormData : never)
    : undefined
  : undefined;

/** The request body an operation takes (FormData for multipart uploads, `undefined` for none). */
export type ApiRequestBody<U extends string, M extends HttpMethod> = BodyOf<OperationOf<PathOf<U, M>, M>>;

/** The error body every failed call answers with. */
export type ServerErrorBody = Schemas['ErrorResponse'];
