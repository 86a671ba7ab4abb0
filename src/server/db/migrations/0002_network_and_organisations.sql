-- The network of platform nodes (SPEC §2) and the organisations that join them (SPEC §1).
-- Provisional: the identity and network issue extends these tables with joining agreements and reviews.

create table platform_node (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references platform_node (id) on delete restrict,
  -- short stable slug, e.g. 'hlj' or 'hlj-mdj'; used in URLs of the node's own portal
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null check (length(name) between 2 and 100),
  kind text not null check (kind in ('total', 'province', 'city', 'base', 'domain_centre', 'workstation',
                                     'service_station', 'registration_office')),
  -- GB/T 2260 code of the area the node serves
  region_code text not null check (region_code ~ '^[0-9]{6}$'),
  -- materialised path of ids ('/<root>/<child>/…/'): a subtree is `path like '/…/<id>/%'`
  path text not null unique,
  created_at timestamptz not null default now()
);
create index platform_node_parent_idx on platform_node (parent_id);
create index platform_node_path_idx on platform_node (path text_pattern_ops);

create table organisation (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 2 and 100),
  -- 统一社会信用代码 (GB 32100): 18 characters; the checksum is checked by the service
  credit_code text not null unique check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  kind text not null check (kind in ('enterprise', 'university', 'institute', 'service_agency', 'patent_agency',
                                     'government')),
  region_code text not null check (region_code ~ '^[0-9]{6}$'),
  -- the city-level GB/T 2260 code of region_code (statistics by city)
  city_code text not null check (city_code ~ '^[0-9]{6}$'),
  address text not null default '',
  node_id uuid not null references platform_node (id) on delete restrict,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'suspended')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organisation_node_idx on organisation (node_id);
create index organisation_city_idx on organisation (city_code);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  display_name text not null check (length(display_name) between 1 and 50),
  phone text unique check (phone ~ '^1[3-9][0-9]{9}$'),
  email text unique check (email like '%_@_%'),
  password_hash text,
  status text not null default 'active' check (status in ('active', 'locked', 'closed')),
  created_at timestamptz not null default now()
);

-- Who holds which role where. Exactly one scope per grant: the platform, a node, or an organisation.
create table role_grant (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  role text not null check (role in ('member', 'org_admin', 'resource_manager', 'instrument_manager', 'expert',
                                     'node_operator', 'node_admin', 'platform_admin', 'gov_manager', 'auditor',
                                     'security_admin', 'system_admin')),
  node_id uuid references platform_node (id) on delete cascade,
  org_id uuid references organisation (id) on delete cascade,
  created_at timestamptz not null default now(),
  check (node_id is null or org_id is null)
);
create unique index role_grant_unique_idx
  on role_grant (user_id, role, coalesce(node_id, '00000000-0000-0000-0000-000000000000'::uuid),
                 coalesce(org_id, '00000000-0000-0000-0000-000000000000'::uuid));
