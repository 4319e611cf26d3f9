export {
  ensureTool,
  readToolsMirror,
  currentPlatform,
  versionIn,
  assetUrl,
  type EnsureOptions,
} from './install';
export { PINNED, type ToolName, type ToolPlatform, type ToolSpec, type ToolTable } from './pinned';
export { which } from './path';
