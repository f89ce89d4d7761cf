import type { Generated } from 'kysely';
import type { Timestamp, Json, TextArray } from './columns.ts';

/** Agent and voice settings and encrypted per-company secrets. */

export interface AgentSettingsVersionsTable {
  company_id: string;
  version: number;
  /** Validated by the agent-settings module; older versions may lack fields added since. */
  settings: Json;
  actor_type: 'user' | 'api_token' | 'system';
  actor_id: string | null;
  actor_label: Generated<string>;
  created_at: Timestamp;
}

export interface AgentSettingsTable {
  company_id: string;
  version: number;
}

export interface VoiceSettingsTable {
  company_id: string;
  provider: 'elevenlabs' | 'twilio';
  voice_id: string;
  model_id: string;
  stability: number;
  similarity_boost: number;
  style: number;
  speed: number;
  use_own_key: Generated<boolean>;
  mode: Generated<'default' | 'gather' | 'relay' | 'stream'>;
  updated_at: Timestamp;
}

export type CompanySecretName = 'elevenlabs_api_key' | 'twilio_auth_token' | 'llm_api_key' | 'twilio_account_sid';

export interface CompanySecretsTable {
  company_id: string;
  name: CompanySecretName;
  /** AES-256-GCM, `v<key version>:iv:ciphertext:tag` (src/crypto/secret-box.ts). */
  ciphertext: string;
  last4: string;
  updated_at: Timestamp;
}

export interface WidgetSettingsTable {
  company_id: string;
  /** Exact origins (`https://www.example.com`) allowed to embed the widget. */
  allowed_origins: TextArray;
  /** What the current widget key is derived from; null for the first key. */
  key_nonce: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}
