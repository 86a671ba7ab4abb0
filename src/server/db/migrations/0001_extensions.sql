-- Extensions used across the schema. Both ship with PGlite (contrib) and Debian's postgresql-contrib.
-- pg_trgm: fuzzy and substring search on short names (catalogue search).
-- btree_gist: exclusion constraints mixing = and && (no double booking).
create extension if not exists pg_trgm;
create extension if not exists btree_gist;
