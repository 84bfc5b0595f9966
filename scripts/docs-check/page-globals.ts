// What every page may use without declaring it: the test server's connection settings and a
// graph connected to it (the default graph, so models work from the first line). A graph the page
// connects itself (`Graph.connect({ url, auth })`) becomes the default graph from then on, as an
// application's first graph would; the checker closes every graph once the page has run.

/** The names, in the order the run wrapper passes them. */
export const PAGE_GLOBALS = ['url', 'username', 'password', 'auth', 'graph'] as const;

/** The same names for the type checker (a global script, so pages can shadow them). */
export const PAGE_GLOBALS_DECLARATION = `
/** The test server's bolt URL. */
declare const url: string;
declare const username: string;
declare const password: string;
/** { username, password } of the test server. */
declare const auth: { username: string; password: string };
/** A graph connected to the test server, emptied before the page runs; the default graph. */
declare const graph: import('@cartograph/core').Graph;
`;
