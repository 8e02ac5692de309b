-- Accounts, roles, sessions, tokens, single sign-on and the audit log. Forward only; PostgreSQL 15+.
-- Every secret handed to a person or a script (session cookie, reset link, invitation link, API token) is
-- stored as the hex SHA-256 of the random value: a copy of the database lets no one sign in.

create table account (
  id text primary key,
  email text not null unique check (email = lower(email)),
  name text not null default '',
  -- argon2id PHC string; null for accounts that only sign in through OpenID Connect
  password_hash text,
  -- language of the e-mails sent to this person (fr | en | vi)
  lang text not null default 'fr',
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table role_grant (
  account_id text not null references account(id) on delete cascade,
  role text not null check (role in ('member', 'network_admin', 'platform_admin')),
  organisation_id text references organisation(id) on delete cascade,
  granted_by text,
  created_at timestamptz not null default now(),
  check ((role = 'platform_admin') = (organisation_id is null)),
  unique nulls not distinct (account_id, role, organisation_id)
);
create index role_grant_org_idx on role_grant(organisation_id);

create table session (
  id text primary key,
  account_id text not null references account(id) on delete cascade,
  csrf_secret text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index session_account_idx on session(account_id);
create index session_expires_idx on session(expires_at);

create table password_reset (
  token_hash text primary key,
  account_id text not null references account(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_reset_account_idx on password_reset(account_id);

create table invitation (
  token_hash text primary key,
  email text not null check (email = lower(email)),
  grants jsonb not null default '[]',
  lang text not null default 'fr',
  invited_by text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  account_id text references account(id) on delete set null
);
create index invitation_email_idx on invitation(email);

-- one row per failed sign-in, keyed 'email:<address>' and 'ip:<address>'; old rows are pruned
create table login_attempt (
  key text not null,
  at timestamptz not null default now()
);
create index login_attempt_key_idx on login_attempt(key, at);

create table api_token (
  id text primary key,
  token_hash text not null unique,
  account_id text not null references account(id) on delete cascade,
  name text not null,
  scopes text[] not null default '{}',
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_account_idx on api_token(account_id);

create table oidc_identity (
  issuer text not null,
  subject text not null,
  account_id text not null references account(id) on delete cascade,
  email text,
  created_at timestamptz not null default now(),
  unique (issuer, subject)
);
create index oidc_identity_account_idx on oidc_identity(account_id);

-- an OpenID Connect sign-in under way: state → PKCE verifier and nonce (shared by every process)
create table oidc_login (
  state text primary key,
  nonce text not null,
  code_verifier text not null,
  return_to text,
  lang text not null default 'fr',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  -- an account id, 'admin-token' for the script token, null for the system or an unknown person
  actor_account_id text,
  action text not null,
  target_kind text,
  target_id text,
  details jsonb,
  ip text
);
create index audit_log_at_idx on audit_log(at);
create index audit_log_actor_idx on audit_log(actor_account_id, at);
create index audit_log_target_idx on audit_log(target_kind, target_id);
