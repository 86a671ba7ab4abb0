-- Uploaded files (attachments and images of resources, business licences of organisations). The bytes live
-- on disk under the files folder (KEXIANG_DATA_DIR/files, named by sha256); this table holds what we know.
-- A file starts unattached (subject null) and is claimed by the record that uses it; unattached files older
-- than a day are removed by a clean-up job.
create table stored_file (
  id uuid primary key default gen_random_uuid(),
  uploaded_by uuid not null references app_user (id) on delete restrict,
  -- the organisation the uploader acted for, if any
  org_id uuid references organisation (id) on delete set null,
  purpose text not null check (purpose in ('resource_image', 'resource_document', 'org_licence', 'work_order_result',
                                           'other')),
  original_name text not null check (length(original_name) between 1 and 255),
  -- detected from the bytes, not from the name or the client's header
  mime text not null check (mime ~ '^[a-z]+/[a-z0-9.+-]+$'),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- the record that uses the file: ('resource', id), ('organisation', id) …
  subject_type text check (subject_type in ('resource', 'organisation', 'work_order')),
  subject_id uuid,
  created_at timestamptz not null default now(),
  check ((subject_type is null) = (subject_id is null))
);
create index stored_file_subject_idx on stored_file (subject_type, subject_id);
create index stored_file_unclaimed_idx on stored_file (created_at) where subject_id is null;
create index stored_file_uploader_idx on stored_file (uploaded_by, created_at desc);
-- the clean-up job removes the bytes only when no other row has the same content
create index stored_file_sha256_idx on stored_file (sha256);
