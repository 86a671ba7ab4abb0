-- Search (SPEC §3 "Search"; src/server/modules/search/README.md). Owned by the search module: one document per
-- PUBLISHED resource, written by the search service's indexResources() (the catalogue, the demo seed and
-- `npm run gen` call it) and removed by removeFromIndex() or when the resource is deleted.
-- Lexemes are jieba tokens written as tsvector literals in Node, so no text-search parser runs here and
-- both engines hold identical vectors.

create table search_document (
  resource_id uuid primary key references resource (id) on delete cascade,
  kind text not null,
  title text not null,
  summary text not null default '',
  tags text[] not null default '{}',
  -- lower-case title plus model and maker (instruments): trigram fallback for typos and model numbers
  names text not null,
  -- pinyin-pro: full pinyin and initials of the title, lower-case letters and digits only
  title_py text not null default '',
  title_initials text not null default '',
  -- A title · B keywords, tags, model, maker · C summary, description · D owner unit and region
  tsv tsvector not null,
  -- the title's lexemes alone: "all words are in the title" is the first key of the candidate order
  title_tsv tsvector not null,
  -- facet and filter columns, copied from the resource when it is indexed
  owner_org_id uuid not null,
  owner_name text not null default '',
  region_code text not null,
  city_code text not null,
  province_code text not null,
  discipline_code text,
  discipline_top text,
  industry_code text,
  industry_section text,
  category text,
  category_top text,
  sharing_level text not null,
  -- lowest external price in fen (instrument fee, service price, achievement reference price), if any
  price_fen bigint check (price_fen >= 0),
  -- how much the resource is used (bookings, orders, consultations); 0 until usage is recorded
  popularity integer not null default 0 check (popularity >= 0),
  published_at timestamptz not null,
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  indexed_at timestamptz not null default now()
);

-- fastupdate off: with the default pending list, every document indexed since the last vacuum is scanned
-- linearly by every search (measured: a GIN lookup over 20,000 fresh documents took 9–14 ms instead of
-- 0.3 ms). Catalogue writes are few; bulk loads drop these indexes and rebuild them.
create index search_document_tsv_idx on search_document using gin (tsv) with (fastupdate = off);
create index search_document_names_trgm_idx on search_document using gin (names gin_trgm_ops) with (fastupdate = off);
create index search_document_pinyin_trgm_idx on search_document
  using gin (title_py gin_trgm_ops, title_initials gin_trgm_ops) with (fastupdate = off);
create index search_document_initials_idx on search_document (title_initials text_pattern_ops);
create index search_document_kind_idx on search_document (kind, published_at desc);
create index search_document_published_idx on search_document (published_at desc);
create index search_document_region_idx on search_document (province_code, city_code, region_code);
create index search_document_owner_idx on search_document (owner_org_id, published_at desc);
create index search_document_industry_idx on search_document (industry_code text_pattern_ops);
create index search_document_discipline_idx on search_document (discipline_code text_pattern_ops);

-- Suggestions while typing: distinct titles with how many documents carry them, found by prefix through
-- their keys (the title and its tails from each word on, their initials, and the full pinyin of short ones).
create table search_suggestion (
  title text not null,
  kind text not null,
  doc_count integer not null check (doc_count > 0),
  primary key (title, kind)
);

-- no foreign key to search_suggestion: the search service deletes a title's keys with it (a per-row FK
-- check made loading the demo's 13,000 keys twice as slow on PGlite). doc_count is the title's count,
-- copied so that "the most used titles under this prefix" is read straight from an index.
create table search_suggestion_key (
  key text not null,
  title text not null,
  kind text not null,
  doc_count integer not null,
  primary key (title, kind, key)
);
-- a short prefix matches thousands of keys (one character: every 王…; `zhang`: 4,000 pinyin keys); these
-- indexes return the most used titles first for prefixes of 1–5 characters; longer ones are selective
-- enough for the pattern index
create index search_suggestion_key_head1_idx on search_suggestion_key (left(key, 1), doc_count desc);
create index search_suggestion_key_head2_idx on search_suggestion_key (left(key, 2), doc_count desc);
create index search_suggestion_key_head3_idx on search_suggestion_key (left(key, 3), doc_count desc);
create index search_suggestion_key_head4_idx on search_suggestion_key (left(key, 4), doc_count desc);
create index search_suggestion_key_head5_idx on search_suggestion_key (left(key, 5), doc_count desc);
create index search_suggestion_key_prefix_idx on search_suggestion_key (key text_pattern_ops);
