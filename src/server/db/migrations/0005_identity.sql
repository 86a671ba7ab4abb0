-- Identity (issue 3): sessions, sign-in attempts (lockout), SMS codes and the dev SMS outbox,
-- privacy consent and second factor on users.

alter table app_user
  add column privacy_version text,
  add column privacy_consented_at timestamptz,
  add column password_changed_at timestamptz,
  add column totp_secret text,
  add column totp_enabled_at timestamptz,
  -- the TOTP time step of the last accepted code: a code is accepted once (RFC 6238 §5.2)
  add column totp_last_step bigint,
  add column closed_at timestamptz,
  add column last_sign_in_at timestamptz;

-- DB-backed sessions. The cookie carries a random token; only its SHA-256 is stored here.
create table user_session (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid not null references app_user (id) on delete cascade,
  current_org_id uuid references organisation (id) on delete set null,
  -- false until a user who must use a second factor has passed it
  mfa_passed boolean not null default false,
  ip text not null default '',
  user_agent text not null default '',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  -- why it ended: signed out, signed out everywhere, idle, expired, replaced by a new sign-in, account closed…
  revoked_reason text check (revoked_reason in ('sign_out', 'sign_out_all', 'idle', 'expired', 'replaced',
                                                'password_reset', 'closed')),
  check (expires_at > created_at),
  check ((revoked_at is null) = (revoked_reason is null))
);
create index user_session_user_idx on user_session (user_id) where revoked_at is null;

-- Every sign-in attempt, for lockout per account and per IP. account_key is the normalised phone.
-- Refusals because of a lock are recorded ('locked') but do not count towards (or prolong) the lock.
create table sign_in_attempt (
  id bigint generated always as identity primary key,
  account_key text not null,
  ip text not null,
  method text not null check (method in ('password', 'sms', 'totp', 'close_account')),
  succeeded boolean not null,
  failure_reason text check (failure_reason in ('bad_credentials', 'bad_second_factor', 'locked', 'disabled')),
  created_at timestamptz not null default now(),
  check (succeeded = (failure_reason is null))
);
create index sign_in_attempt_account_idx on sign_in_attempt (account_key, created_at desc);
create index sign_in_attempt_ip_idx on sign_in_attempt (ip, created_at desc);

-- One-time SMS codes: 6 digits, stored hashed, 5 minutes, single use, limited wrong tries.
create table sms_code (
  id uuid primary key default gen_random_uuid(),
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  purpose text not null check (purpose in ('sign_in', 'sign_up', 'reset_password')),
  code_hash text not null,
  ip text not null,
  attempts integer not null default 0 check (attempts >= 0),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz,
  check (expires_at > created_at)
);
create index sms_code_phone_idx on sms_code (phone, created_at desc);
create index sms_code_ip_idx on sms_code (ip, created_at desc);

-- What the development SMS gateway "sent": shown on the dev inbox page, never used in production.
create table dev_sms_outbox (
  id bigint generated always as identity primary key,
  phone text not null,
  body text not null,
  created_at timestamptz not null default now()
);
