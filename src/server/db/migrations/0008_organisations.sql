-- Organisations (issue 3): two-level registration (两级用户注册), review by the node, joining agreements
-- (加盟协议) and people's requests to join a unit. Role grants stay in role_grant (identity module).

-- Registration details and the node's review. Every new column has a default or allows null, so units
-- loaded before this issue (demo data) stay valid: they count as reviewed without a recorded reviewer.
alter table organisation
  -- result of the GB 32100 check at registration: 'checksum' = well-formed but the check character is
  -- wrong (some early pilot codes are legal and fail it), shown to the reviewer as a warning
  add column credit_code_check text not null default 'valid' check (credit_code_check in ('valid', 'checksum')),
  add column contact_name text not null default '' check (length(contact_name) <= 50),
  -- mainland mobile or landline with area code
  add column contact_phone text check (contact_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
  add column registered_by uuid references app_user (id) on delete set null,
  add column reviewed_by uuid references app_user (id) on delete set null,
  add column reviewed_at timestamptz,
  add column review_reason text check (length(review_reason) <= 500),
  add constraint organisation_rejected_has_reason check (status <> 'rejected' or review_reason is not null);
create index organisation_node_status_idx on organisation (node_id, status, created_at);

-- The joining agreement between a unit and a node: the unit keeps ownership of its resources, the node is
-- authorised to operate the service (所有权与经营权分离, SPEC §2). One row per unit and node.
create table organisation_node_membership (
  org_id uuid not null references organisation (id) on delete cascade,
  node_id uuid not null references platform_node (id) on delete restrict,
  agreement_version text not null check (length(agreement_version) between 1 and 50),
  accepted_at timestamptz not null,
  accepted_by uuid references app_user (id) on delete set null,
  primary key (org_id, node_id)
);
create index organisation_node_membership_node_idx on organisation_node_membership (node_id);

-- A person asks to join a unit; the unit's admins decide. At most one open request per person and unit.
create table organisation_join_request (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisation (id) on delete cascade,
  user_id uuid not null references app_user (id) on delete cascade,
  message text not null default '' check (length(message) <= 500),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  reason text check (length(reason) <= 500),
  decided_by uuid references app_user (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'rejected' or reason is not null)
);
create unique index organisation_join_request_open_idx on organisation_join_request (org_id, user_id)
  where status = 'pending';
create index organisation_join_request_org_idx on organisation_join_request (org_id, status, created_at);
create index organisation_join_request_user_idx on organisation_join_request (user_id);
