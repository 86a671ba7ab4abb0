-- Instrument booking (issue 5, first slice; SPEC §4.1–4.2): booking rules per instrument, maintenance windows,
-- training records, bookings that can never overlap on one instrument, their history, and the holiday
-- calendar an admin loads for years the bundled chinese-days data does not cover yet.
-- Times are timestamptz; opening hours are minutes after midnight in Asia/Shanghai; money is integer fen.

-- One row per instrument whose manager saved rules; without a row the service derives them from the
-- instrument's attributes.bookingRules (demo and imported data).
create table instrument_booking_rule (
  instrument_id uuid primary key references resource (id) on delete cascade,
  -- {"1": [[510, 690], [810, 1020]], …, "7": []}: ISO weekday (1 = Monday) → [start, end) minute ranges
  open_hours jsonb not null,
  open_on_holidays boolean not null default false,
  slot_minutes integer not null check (slot_minutes between 5 and 1440 and 1440 % slot_minutes = 0),
  min_notice_minutes integer not null default 0 check (min_notice_minutes between 0 and 129600),
  max_minutes integer not null check (max_minutes between 5 and 20160),
  max_advance_days integer not null check (max_advance_days between 1 and 366),
  quota_period text not null default 'week' check (quota_period in ('week', 'month')),
  -- booked minutes on this instrument per period (per person / per organisation); null = no quota
  user_quota_minutes integer check (user_quota_minutes > 0),
  org_quota_minutes integer check (org_quota_minutes > 0),
  approval_required boolean not null,
  training_required boolean not null,
  -- cancelling or rescheduling later than this before the start costs the late fee
  cancel_cutoff_hours integer not null default 24 check (cancel_cutoff_hours between 0 and 720),
  late_fee_fen bigint check (late_fee_fen >= 0),
  late_fee_percent integer check (late_fee_percent between 0 and 100),
  -- a confirmed booking not checked in this long after its start becomes a no-show and frees the slot
  no_show_release_minutes integer not null default 30 check (no_show_release_minutes between 5 and 1440),
  -- how early before the start the person may check in themselves
  check_in_opens_minutes integer not null default 30 check (check_in_opens_minutes between 0 and 1440),
  -- no-shows in the last 90 days that stop a person from booking this instrument; null = never
  no_show_limit integer check (no_show_limit between 1 and 100),
  updated_by uuid references app_user (id) on delete set null,
  updated_at timestamptz not null default now(),
  constraint instrument_booking_rule_one_fee check (late_fee_fen is null or late_fee_percent is null),
  constraint instrument_booking_rule_max_fits_slot check (max_minutes >= slot_minutes)
);

-- Windows in which an instrument cannot be booked (servicing, calibration).
create table instrument_maintenance (
  id uuid primary key default gen_random_uuid(),
  instrument_id uuid not null references resource (id) on delete cascade,
  during tstzrange not null,
  reason text not null default '' check (length(reason) <= 200),
  created_by uuid references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint instrument_maintenance_bounded
    check (not lower_inf(during) and not upper_inf(during) and lower(during) < upper(during))
);
create index instrument_maintenance_during_idx on instrument_maintenance using gist (instrument_id, during);

-- A person trained on an instrument (recorded by its manager) may operate it themselves.
create table instrument_training (
  instrument_id uuid not null references resource (id) on delete cascade,
  user_id uuid not null references app_user (id) on delete cascade,
  note text not null default '' check (length(note) <= 200),
  recorded_by uuid references app_user (id) on delete set null,
  recorded_at timestamptz not null default now(),
  primary key (instrument_id, user_id)
);

create table booking (
  id uuid primary key default gen_random_uuid(),
  instrument_id uuid not null references resource (id) on delete restrict,
  user_id uuid not null references app_user (id) on delete restrict,
  -- the organisation the person acted for (quota and statements); null for an individual
  org_id uuid references organisation (id) on delete set null,
  during tstzrange not null,
  status text not null check (status in ('pending', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show',
                                         'rejected')),
  mode text not null check (mode in ('self', 'with_operator')),
  -- the price as quoted at booking time (tier, unit, unit price, quantity, amount), never recomputed
  quote jsonb not null,
  amount_fen bigint not null check (amount_fen >= 0),
  -- the change terms in force when booked ({ cancelCutoffHours, lateFee }), which later rule edits do not touch
  change_terms jsonb not null,
  samples integer check (samples between 1 and 10000),
  purpose text not null check (length(purpose) between 1 and 500),
  decision_note text check (length(decision_note) <= 500),
  cancel_reason text check (length(cancel_reason) <= 500),
  cancel_fee_fen bigint not null default 0 check (cancel_fee_fen >= 0),
  reschedule_fee_fen bigint not null default 0 check (reschedule_fee_fen >= 0),
  reschedule_count integer not null default 0 check (reschedule_count >= 0),
  decided_by uuid references app_user (id) on delete set null,
  decided_at timestamptz,
  checked_in_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  constraint booking_during_bounded
    check (not lower_inf(during) and not upper_inf(during) and lower(during) < upper(during)),
  -- No instrument is ever double-booked, whichever app copy writes (SPEC §4.2); db-errors.ts maps its
  -- violation (SQLSTATE 23P01) to SLOT_TAKEN.
  constraint booking_no_overlap exclude using gist (instrument_id with =, during with &&)
    where (status in ('pending', 'confirmed', 'checked_in'))
);
create index booking_user_idx on booking (user_id, created_at desc);
create index booking_instrument_start_idx on booking (instrument_id, lower(during));
-- the no-show sweep: confirmed bookings by start
create index booking_confirmed_start_idx on booking (lower(during)) where status = 'confirmed';

-- Every step of a booking, with who and when.
create table booking_event (
  id bigint generated always as identity primary key,
  booking_id uuid not null references booking (id) on delete cascade,
  action text not null check (action in ('created', 'approved', 'rejected', 'cancelled', 'rescheduled', 'checked_in',
                                         'no_show')),
  from_status text,
  to_status text not null,
  actor_id uuid references app_user (id) on delete set null,
  detail jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null
);
create index booking_event_booking_idx on booking_event (booking_id, id);

-- Public holidays and adjusted workdays (调休) of a year, loaded by an admin once the State Council publishes
-- them, for years the bundled chinese-days data does not cover (or to correct it). A loaded year replaces
-- the bundled data for that year.
create table booking_calendar_year (
  year integer primary key check (year between 2000 and 2100),
  loaded_by uuid references app_user (id) on delete set null,
  loaded_at timestamptz not null default now()
);
create table booking_calendar_day (
  day date primary key,
  year integer not null references booking_calendar_year (year) on delete cascade,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null default '' check (length(name) <= 40),
  constraint booking_calendar_day_in_year check (extract(year from day) = year)
);
create index booking_calendar_day_year_idx on booking_calendar_day (year);

-- Who hears of an instrument's bookings: its owner's instrument managers and admins, read on every booking
-- (role_grant has no index by organisation yet).
create index if not exists role_grant_org_role_idx on role_grant (org_id, role) where org_id is not null;
