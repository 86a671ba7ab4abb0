-- Visitors' and users' messages to the platform (留言反馈, SPEC §4.9, seed 003 §3).
create table feedback (
  id uuid primary key default gen_random_uuid(),
  category text not null check (category in ('suggestion', 'question', 'complaint', 'other')),
  content text not null check (length(content) between 5 and 2000),
  contact_name text check (length(contact_name) <= 50),
  contact_phone text check (contact_phone ~ '^1[3-9][0-9]{9}$'),
  contact_email text check (length(contact_email) <= 200),
  status text not null default 'new' check (status in ('new', 'answered', 'closed')),
  request_id text not null,
  created_at timestamptz not null default now()
);
create index feedback_status_idx on feedback (status, created_at desc);
