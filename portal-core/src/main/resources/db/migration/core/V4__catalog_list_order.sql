-- Lists sort by display name and page with LIMIT: with this index a page of 25 out of 10,000 services reads 25 rows.
CREATE INDEX catalog_entities_display_order_idx ON catalog_entities (kind, lower(coalesce(title, name)), ref);
CREATE INDEX catalog_relations_type_source_idx ON catalog_relations (type, source_ref);
