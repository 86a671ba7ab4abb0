-- Notifications (issue 3): the in-site inbox (站内信), each user's channel preferences, and the log of
-- e-mail and SMS deliveries made by the background workers.

create table notification (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  -- one of the closed list in src/shared/contracts/notify.ts, e.g. 'org.review_decided'
  event text not null check (event ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$'),
  title text not null check (length(title) between 1 and 200),
  body text not null check (length(body) <= 2000),
  -- a path inside the portal ('/orgs/…'), never another site
  link text check (link is null or (link ~ '^/([^/\\]|$)' and length(link) <= 500)),
  -- false when the user turned the inbox off for this event: the row then only carries e-mail / SMS text
  in_inbox boolean not null default true,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_inbox_idx on notification (user_id, created_at desc, id desc) where in_inbox;
create index notification_unread_idx on notification (user_id) where in_inbox and read_at is null;

-- Only the choices a user made; no row means the default (inbox and e-mail on, SMS only for time-critical
-- events).
create table notification_preference (
  user_id uuid not null references app_user (id) on delete cascade,
  event text not null check (event ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$'),
  channel text not null check (channel in ('inbox', 'email', 'sms')),
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, event, channel)
);

create table notification_delivery (
  id uuid primary key default gen_random_uuid(),
  notification_id uuid not null references notification (id) on delete cascade,
  channel text not null check (channel in ('email', 'sms')),
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text check (length(last_error) <= 1000),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (notification_id, channel),
  check ((status = 'sent') = (sent_at is not null))
);
create index notification_delivery_queued_idx on notification_delivery (created_at) where status = 'queued';
