export * from './errors';
export * from './limits';
export * from './organisations';
export * from './topics';
export * from './networks';
export * from './discussions';
export * from './contract';
export * from './realtime';
