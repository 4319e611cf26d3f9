export {
  resolveSign,
  resolveVerify,
  signAnnotations,
  defaultIdentity,
  oidcAvailable,
  SIGN_MODES,
  VERIFY_MODES,
  GITHUB_ISSUER,
  type SignInputs,
  type SignSettings,
  type VerifyInputs,
  type VerifySettings,
} from './settings';
export {
  checkSigningKey,
  signImage,
  verifyImage,
  type CosignRunOptions,
  type Signed,
  type Verified,
} from './run';
export { checkProvenance, normalizeRepo, provenanceByPlatform, type ProvenanceCheck } from './provenance';
