/** A term in both UI languages. Vietnamese is the reference; English is for the second UI language and exports. */
export interface Label {
  readonly vi: string;
  readonly en: string;
}

/** A closed set of terms keyed by the enum value the server and the web both use. */
export type Labels<K extends string = string> = { readonly [P in K]: Label };
