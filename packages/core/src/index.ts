// The public API of @firecover/core. Each area exports its own small surface from its folder's index.
export { InputError, isInputError, type InputErrorPlace } from './input_error';
export * from './network/index';
export * from './io/index';
export * from './cost/index';
export * from './spatial/index';
export * from './standards/index';
export * from './scenario/index';
export * from './search/index';
export * from './surface/index';
export * from './water/index';
export * from './coverage/index';
export * from './siting/index';
