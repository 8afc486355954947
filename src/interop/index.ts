// Reading and writing other systems' syntax: mathjs (our parser and node format) and nerdamer.
export { parse, parseDomain, fromMathjsNode, toMathjsNode, toMathjs, applyFunction, type ParseOptions } from "./mathjs.js";
export { fromNerdamer, toNerdamer } from "./nerdamer.js";
