-- Search at scale (src/server/modules/search/README.md "Large match sets"; sample-groups.ts). Every search
-- document belongs to one of six sample groups, fixed by the last 32 bits h of its (random) resource id:
-- level = max(0, bit length of h - 20) (level 0 holds 2^-12 of the documents, level k >= 1 the next
-- 2^(k-13)), group = (max(level, 1) - 1) / 2, so groups 0..g hold 2^(2g-10) of them. Each group has its own
-- partial GIN index on the vector, so a search can read a uniform random sample of its matches (groups 0..g)
-- and the index does that fraction of the work of finding every match (the dense lists, kind:instrument or
-- a large province, are what a GIN intersection spends its time on). The full index stays for the other
-- queries (ordered pages over every match, pinyin and trigram branches).
alter table search_document add column sample_group smallint not null generated always as (
  ((greatest(1, length(ltrim(('x' || right(resource_id::text, 8))::bit(32)::text, '0')) - 20) - 1) / 2)::smallint
) stored;

create index search_document_tsv_g0_idx on search_document using gin (tsv) with (fastupdate = off) where sample_group = 0;
create index search_document_tsv_g1_idx on search_document using gin (tsv) with (fastupdate = off) where sample_group = 1;
create index search_document_tsv_g2_idx on search_document using gin (tsv) with (fastupdate = off) where sample_group = 2;
create index search_document_tsv_g3_idx on search_document using gin (tsv) with (fastupdate = off) where sample_group = 3;
create index search_document_tsv_g4_idx on search_document using gin (tsv) with (fastupdate = off) where sample_group = 4;
create index search_document_tsv_g5_idx on search_document using gin (tsv) with (fastupdate = off) where sample_group = 5;
-- browsing without a query or filter reads groups by this
create index search_document_sample_group_idx on search_document (sample_group);

-- the much-used documents (used 256 times or more): for a large match set, relevance ranks these matches
-- besides the sample, so the most used ones can reach the first page; the index holds only them, so the
-- intersection costs their share of the full index's work
create index search_document_tsv_hot_idx on search_document using gin (tsv) with (fastupdate = off)
  where popularity >= 256;

-- The matches of a search, read group by group (search-sql-sample.ts): groups are read in order while
-- those read hold fewer than sample_size rows, or suggest no more than exact_limit matches in all
-- (rows / fraction), so that up to exact_limit matches are read whole. A group reads at most
-- exact_limit + 1 rows; one that reaches that ("cut") ends the reading and does not count. The rows come
-- with g, their group; a last row with g = -1 carries sample_n (rows read), sample_exact (every match was
-- read), sample_last (the last complete group; 0 when none) and sample_fraction (of all matches in groups
-- 0..sample_last, 1 when exact). Each group is one statement naming its group as a literal, so the planner
-- picks that group's partial index; matching and words null: every document, title_hit true.
create function search_sample_matches(
  matching tsquery, words tsquery, price_min bigint, price_max bigint, exact_limit integer, sample_size integer)
returns table (
  g integer, resource_id uuid, kind text, province_code text, city_code text, region_code text,
  discipline_top text, industry_section text, category_top text, owner_org_id uuid, sharing_level text,
  price_fen bigint, popularity integer, published_at timestamptz, lat double precision, lng double precision,
  title_hit boolean, sample_n bigint, sample_exact boolean, sample_last integer, sample_fraction double precision)
language plpgsql stable
set enable_seqscan = off
set jit = off
as $$
declare
  read_now bigint;
  total bigint := 0;
  complete integer := -1;
begin
  for grp in 0..5 loop
    return query execute format(
      'select %s, d.resource_id, d.kind, d.province_code, d.city_code, d.region_code, d.discipline_top,
              d.industry_section, d.category_top, d.owner_org_id, d.sharing_level, d.price_fen, d.popularity,
              d.published_at, d.lat, d.lng, %s, null::bigint, null::boolean, null::integer, null::double precision
       from search_document d where d.sample_group = %s%s%s%s limit $5',
      grp,
      case when words is null then 'true' else 'd.title_tsv @@ $2' end,
      grp,
      case when matching is null then '' else ' and d.tsv @@ $1' end,
      case when price_min is null then '' else ' and d.price_fen >= $3' end,
      case when price_max is null then '' else ' and d.price_fen <= $4' end)
    using matching, words, price_min, price_max, exact_limit + 1;
    get diagnostics read_now = row_count;
    exit when read_now > exact_limit;
    total := total + read_now;
    complete := grp;
    -- groups 0..grp hold 4^(grp - 5) of the documents
    exit when total >= sample_size and total > exact_limit * power(4, grp - 5);
  end loop;
  return query select -1, null::uuid, null::text, null::text, null::text, null::text, null::text, null::text,
    null::text, null::uuid, null::text, null::bigint, null::integer, null::timestamptz, null::double precision,
    null::double precision, null::boolean, total, complete = 5, greatest(complete, 0),
    case when complete = 5 then 1.0::double precision else power(4, greatest(complete, 0) - 5)::double precision end;
end
$$;
