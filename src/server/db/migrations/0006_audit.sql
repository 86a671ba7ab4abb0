-- Audit log (issue 3; MLPS 2.0 level 3 安全审计, 网络安全法 Art. 21: kept ≥ 6 months).
-- Append-only: triggers refuse UPDATE, DELETE and TRUNCATE; the only way out is the retention purge, which
-- deletes rows older than 180 days (at least) inside a transaction that set `kexiang.audit_purge = 'on'`.
-- Tamper evidence: every row carries the hash of the row before it (prev_hash) and its own (row_hash).

create table audit_log (
  id bigint generated always as identity primary key,
  -- position in the hash chain, assigned by the insert trigger under a lock: identity values are taken
  -- before the lock, so ids may commit out of order, chain positions cannot
  chain_seq bigint not null unique,
  occurred_at timestamptz not null default now(),
  -- no foreign key: the record must outlive the user, and ON DELETE SET NULL would be an UPDATE
  actor_id uuid,
  actor_name text not null default '',
  action text not null check (action ~ '^[a-z][a-zA-Z0-9_.:-]{1,99}$'),
  target_type text not null default '' check (length(target_type) <= 100),
  target_id text check (length(target_id) <= 200),
  ip text not null default '',
  user_agent text not null default '',
  result text not null check (result in ('success', 'failure', 'denied')),
  detail jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  row_hash text not null
);
create index audit_log_occurred_idx on audit_log (occurred_at desc, id desc);
create index audit_log_actor_idx on audit_log (actor_id, occurred_at desc);
create index audit_log_action_idx on audit_log (action, occurred_at desc);
create index audit_log_target_idx on audit_log (target_type, target_id, occurred_at desc);

-- The hash of one row: SHA-256 over the previous row's hash and a JSON array of the row's fields
-- (JSON quoting makes the encoding unambiguous; jsonb prints `detail` with its keys in a fixed order;
-- the time is printed in UTC so the session's TimeZone does not change it).
create function audit_log_row_hash(r audit_log) returns text
language sql stable as $$
  select encode(sha256(convert_to(r.prev_hash || jsonb_build_array(
    r.chain_seq,
    to_char(r.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.actor_id, r.actor_name, r.action, r.target_type, r.target_id, r.ip, r.user_agent, r.result, r.detail
  )::text, 'UTF8')), 'hex')
$$;

-- Links each new row to the last committed one. The transaction-level advisory lock makes writers of the
-- audit log take turns until they commit; under READ COMMITTED (the app's level) each statement in this
-- function then sees the rows committed before the lock was granted. Should two rows ever claim the same
-- position (e.g. a REPEATABLE READ writer), the unique chain_seq refuses the second instead of forking.
create function audit_log_link() returns trigger
language plpgsql volatile as $$
declare
  last_seq bigint;
  last_hash text;
begin
  perform pg_advisory_xact_lock(5394264006);
  select chain_seq, row_hash into last_seq, last_hash from audit_log order by chain_seq desc limit 1;
  new.chain_seq := coalesce(last_seq, 0) + 1;
  new.prev_hash := coalesce(last_hash, repeat('0', 64));
  new.row_hash := audit_log_row_hash(new);
  return new;
end
$$;

create trigger audit_log_link before insert on audit_log
  for each row execute function audit_log_link();

-- Refuses every change but the retention purge: a DELETE in a transaction that set
-- `kexiang.audit_purge = 'on'`, of a row older than 180 days by the database's own clock.
create function audit_log_guard() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('kexiang.audit_purge', true) = 'on' then
    if old.occurred_at >= now() - interval '180 days' then
      raise exception 'audit_log: row % is younger than 180 days and cannot be purged', old.id;
    end if;
    return old;
  end if;
  raise exception 'audit_log is append-only: % is not allowed', tg_op;
end
$$;

create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_guard();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_guard();
