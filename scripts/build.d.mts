/** The build targets (`core`, `cli`) whose dist/ is missing or was built from other inputs than the current ones. */
export function staleTargets(): string[];
