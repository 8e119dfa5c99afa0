-- The audit chain becomes keyed (docs/decisions/0027): from now on an entry's hash is an HMAC-SHA256 under a key the
-- database never holds (lapak.audit.chain-key), so whoever can write the tables but lacks the key cannot make an
-- edited, inserted or recomputed entry verify. Entries written before are version 0 (plain SHA-256); they verify only
-- as the prefix of their chain, before its first keyed entry, and the signed checkpoints written outside the database
-- cover them from the first checkpoint on. The application role cannot choose the version: it inserts every column
-- but this one, which defaults to 1 (keyed).
alter table audit_entry add column key_version smallint not null default 0 check (key_version in (0, 1));
alter table audit_entry alter column key_version set default 1;

revoke insert on audit_entry from ${app_role};
grant insert (id, chain_key, tenant_id, seq, occurred_at, actor_kind, actor_id, actor_name, actor_role, actor_tenant,
              action, entity_type, entity_id, changes, details, ip, user_agent, prev_hash, hash)
    on audit_entry to ${app_role};
