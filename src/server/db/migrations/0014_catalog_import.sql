-- Bulk import of the catalogue from Excel or CSV (issue 4 item 4). One row per uploaded file: the job's
-- progress while it runs and, for a rejected file, its row-and-column error report. A file with any error
-- is rejected whole; a valid one is inserted in one transaction (resource + resource_version 'import').

create table catalog_import (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisation (id) on delete cascade,
  kind text not null check (kind in ('instrument', 'lab', 'expert', 'team', 'achievement', 'patent', 'service',
                                     'literature', 'dataset', 'incubator', 'policy', 'news')),
  requested_by uuid references app_user (id) on delete set null,
  format text not null check (format in ('xlsx', 'csv')),
  file_name text not null default '' check (length(file_name) <= 255),
  -- size of the upload, and how much of it the reader has consumed (progress of the validating phase)
  file_bytes bigint not null check (file_bytes >= 0),
  read_bytes bigint not null default 0 check (read_bytes >= 0),
  -- true: the rows are submitted for review at once; false: they stay drafts
  submit boolean not null default false,
  status text not null default 'queued' check (status in ('queued', 'validating', 'inserting', 'done', 'rejected',
                                                          'failed')),
  -- data rows in the file, known once it has been read
  total_rows integer check (total_rows >= 0),
  -- rows validated (validating) or inserted (inserting, done)
  processed_rows integer not null default 0 check (processed_rows >= 0),
  error_count integer not null default 0 check (error_count >= 0),
  -- the first 1,000 errors: [{ row, column, value, key, vars }] (message keys, worded per reader's language)
  errors jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  -- every progress write touches it: a running job without a touch for long was interrupted (restart)
  updated_at timestamptz not null default now(),
  finished_at timestamptz,
  check ((status in ('done', 'rejected', 'failed')) = (finished_at is not null))
);
create index catalog_import_org_idx on catalog_import (org_id, created_at desc);
create index catalog_import_requester_idx on catalog_import (requested_by, created_at desc);
