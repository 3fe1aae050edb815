package dev.paw.postgresql.internal;

/** The catalogue queries of the read actions; every value in them is a parameter. */
final class Sql {

  static final String LIST_SCHEMAS =
      "SELECT nspname AS schema, pg_catalog.pg_get_userbyid(nspowner) AS owner"
          + " FROM pg_catalog.pg_namespace"
          + " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
          + " ORDER BY nspname";

  static final String LIST_TABLES =
      "SELECT c.relname AS table,"
          + " CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'"
          + " WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'"
          + " WHEN 'f' THEN 'foreign table' END AS type"
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
          + " ORDER BY c.relname";

  static final String DESCRIBE_TABLE =
      "SELECT a.attname AS column,"
          + " pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,"
          + " NOT a.attnotnull AS nullable,"
          + " pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default,"
          + " EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid"
          + " AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS primary_key"
          + " FROM pg_catalog.pg_attribute a"
          + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
          + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped"
          + " ORDER BY a.attnum";

  static final String TABLE_STATS =
      "SELECT c.relname AS table,"
          + " GREATEST(c.reltuples, COALESCE(s.n_live_tup, 0))::bigint AS estimated_rows,"
          + " pg_catalog.pg_total_relation_size(c.oid) AS total_bytes,"
          + " pg_catalog.pg_size_pretty(pg_catalog.pg_total_relation_size(c.oid)) AS total_size,"
          + " pg_catalog.pg_relation_size(c.oid) AS table_bytes,"
          + " pg_catalog.pg_indexes_size(c.oid) AS index_bytes"
          + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid"
          + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'm')"
          + " ORDER BY c.relname";

  static final String LIST_INDEXES =
      "SELECT i.relname AS index, pg_catalog.pg_get_indexdef(x.indexrelid) AS definition,"
          + " x.indisunique AS unique, x.indisprimary AS primary,"
          + " pg_catalog.pg_relation_size(x.indexrelid) AS bytes"
          + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
          + " WHERE x.indrelid = ? ORDER BY i.relname";

  static final String ACTIVE_QUERIES =
      "SELECT pid, usename AS user, application_name, state, backend_type,"
          + " query_start, EXTRACT(EPOCH FROM now() - query_start)::float8 AS seconds, query"
          + " FROM pg_catalog.pg_stat_activity"
          + " WHERE datname = current_database() AND pid <> pg_catalog.pg_backend_pid()"
          + " AND state IS DISTINCT FROM 'idle'"
          + " ORDER BY query_start NULLS LAST";

  private Sql() {}
}
