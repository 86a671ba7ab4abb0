-- 帮我找 (issue 4 item 6, SPEC §3 "ask for help"): a signed-in person who found nothing asks the operators
-- of a platform node (their organisation's node, or one they pick), who answer in the platform.

create table help_request (
  id uuid primary key default gen_random_uuid(),
  requester_user_id uuid not null references app_user (id) on delete cascade,
  -- the organisation the person acted for when asking; the request stays if the unit goes
  requester_org_id uuid references organisation (id) on delete set null,
  node_id uuid not null references platform_node (id) on delete restrict,
  query text not null check (length(query) between 2 and 100),
  details text not null default '' check (length(details) <= 2000),
  -- mainland mobile or landline with area code
  contact_phone text not null check (contact_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
  contact_preference text not null default 'phone' check (contact_preference in ('phone', 'sms', 'inbox')),
  deadline date,
  status text not null default 'open' check (status in ('open', 'answered', 'closed')),
  answer text check (length(answer) between 2 and 2000),
  answered_by uuid references app_user (id) on delete set null,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  -- an open request has no answer; an answered or closed one has its text and time
  constraint help_request_answer_matches_status
    check ((status = 'open') = (answer is null) and (answer is null) = (answered_at is null)),
  constraint help_request_answered_after_created check (answered_at is null or answered_at >= created_at)
);
-- the node's queue, by status, oldest first
create index help_request_node_idx on help_request (node_id, status, created_at);
-- "我的求助", newest first
create index help_request_requester_idx on help_request (requester_user_id, created_at desc);
