-- Catalogue write side (issue 4 items 1–3): persistent identifiers, audience, versions, revisions of
-- published resources, attachments and the review trail.

alter table resource
  -- CSTR-shaped platform identifier (GB/T 32843 form CSTR:<prefix>.<type>.<local id>), assigned at first publication
  add column cstr text unique check (cstr ~ '^CSTR:[0-9A-Za-z]{5}\.[0-9]{2}\..+$'),
  add column audience text not null default 'public' check (audience in ('public', 'network')),
  -- bumped by every saved change of the content or status; editors send the version they started from
  add column version integer not null default 1 check (version >= 1),
  add column created_by uuid references app_user (id) on delete set null,
  add column updated_by uuid references app_user (id) on delete set null,
  add column submitted_at timestamptz,
  -- who sent it for review: reviewers may not approve their own submission (separation of duties)
  add column submitted_by uuid references app_user (id) on delete set null,
  add column return_reason text,
  add column offline_reason text;

create index resource_status_node_idx on resource (status, node_id, submitted_at) where status = 'submitted';
create index resource_owner_status_idx on resource (owner_org_id, status, updated_at desc);
-- GET /api/resources counts every match: an index-only scan over the published rows' filter columns instead
-- of the heap (200,000 resources: count of published instruments 115 ms → 9 ms, see docs/decisions/007)
create index resource_published_count_idx on resource (kind, audience, region_code text_pattern_ops, node_id)
  where status = 'published';

create sequence resource_cstr_seq;

-- A pending change of a PUBLISHED resource: the public keeps seeing the resource row until the revision is
-- approved, when its content replaces the row's. At most one open revision per resource.
create table resource_revision (
  resource_id uuid primary key references resource (id) on delete cascade,
  status text not null check (status in ('draft', 'submitted', 'returned')),
  -- the ZResourceContent the provider saved (title, summary, tags, codes, attributes, attachments …)
  content jsonb not null,
  return_reason text,
  created_by uuid references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  submitted_by uuid references app_user (id) on delete set null
);
create index resource_revision_submitted_idx on resource_revision (submitted_at) where status = 'submitted';

-- Every change, with who and when, and the content as it was after the change.
create table resource_version (
  resource_id uuid not null references resource (id) on delete cascade,
  version integer not null check (version >= 1),
  action text not null check (action in ('create', 'edit', 'submit', 'withdraw', 'approve', 'return', 'publish',
                                         'offline', 'online', 'import')),
  status text not null check (status in ('draft', 'submitted', 'approved', 'returned', 'published', 'offline')),
  note text,
  -- true when the change concerned the open revision of a published resource (status is then the revision's)
  is_revision boolean not null default false,
  content jsonb not null,
  changed_by uuid references app_user (id) on delete set null,
  changed_at timestamptz not null default now(),
  primary key (resource_id, version)
);

-- Images and documents of a resource, in display order.
create table resource_attachment (
  resource_id uuid not null references resource (id) on delete cascade,
  file_id uuid not null references stored_file (id) on delete restrict,
  role text not null check (role in ('image', 'document')),
  caption text not null default '' check (length(caption) <= 100),
  position smallint not null check (position >= 0),
  primary key (resource_id, file_id)
);
