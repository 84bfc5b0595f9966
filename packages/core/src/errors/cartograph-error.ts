// The root class lives in the lowest package, so that the Cypher builder's errors are
// CartographErrors too: callers catch one hierarchy whichever layer raised the error.
export { CartographError } from '@cartograph/cypher';
