/** `npm run tenants:new-token-key`: prints a fresh key for TENANT_TOKEN_KEYS (base64, 32 bytes). */
import { newTokenKey } from '../src/lib/server/tenancy/token-vault';

console.log(newTokenKey());
