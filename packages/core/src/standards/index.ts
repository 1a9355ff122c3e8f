export * from './preset';
