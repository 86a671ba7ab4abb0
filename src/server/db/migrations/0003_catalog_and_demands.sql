-- One catalogue for every kind of resource (SPEC §3) and the technology demands (SPEC §4.4).
-- Provisional: the catalogue issue adds versions, review, attachments, search columns and indexes.

create table resource (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('instrument', 'lab', 'expert', 'team', 'achievement', 'patent', 'service',
                                     'literature', 'dataset', 'incubator', 'policy', 'news')),
  title text not null check (length(title) between 1 and 300),
  summary text not null default '',
  owner_org_id uuid not null references organisation (id) on delete restrict,
  node_id uuid not null references platform_node (id) on delete restrict,
  region_code text not null check (region_code ~ '^[0-9]{6}$'),
  city_code text not null check (city_code ~ '^[0-9]{6}$'),
  discipline_code text check (discipline_code ~ '^[0-9]{3}([0-9]{2}){0,2}$'),
  industry_code text check (industry_code ~ '^[A-T]([0-9]{2,4})?$'),
  category text,
  tags text[] not null default '{}',
  sharing_level text not null default 'paid' check (sharing_level in ('free', 'paid')),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved', 'returned', 'published',
                                                         'offline')),
  contact jsonb,
  -- kind-specific fields, validated per kind by the catalogue service
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  check (status <> 'published' or published_at is not null)
);
create index resource_kind_status_idx on resource (kind, status, published_at desc);
create index resource_owner_idx on resource (owner_org_id);
create index resource_node_idx on resource (node_id);
create index resource_city_published_idx on resource (city_code) where status = 'published';

create table demand (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(title) between 2 and 200),
  summary text not null default '',
  org_id uuid not null references organisation (id) on delete restrict,
  node_id uuid not null references platform_node (id) on delete restrict,
  region_code text not null check (region_code ~ '^[0-9]{6}$'),
  city_code text not null check (city_code ~ '^[0-9]{6}$'),
  industry_code text check (industry_code ~ '^[A-T]([0-9]{2,4})?$'),
  budget_fen bigint check (budget_fen >= 0),
  deadline date,
  status text not null default 'draft' check (status in ('draft', 'published', 'matched', 'closed')),
  created_at timestamptz not null default now(),
  published_at timestamptz,
  check (status = 'draft' or published_at is not null)
);
create index demand_status_idx on demand (status, published_at desc);
