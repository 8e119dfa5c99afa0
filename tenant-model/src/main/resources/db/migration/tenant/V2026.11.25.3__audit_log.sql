-- The audit log: append-only and hash-chained per tenant (chain_key = the tenant id, or 'platform' for events that
-- belong to no tenant). Each entry stores the hash of the previous entry of its chain; the application role may
-- insert and read, never update or delete (no grant), so only someone with the owner role can change history, and
-- the verification finds where. No foreign key to tenant: the trail outlives an offboarded tenant.

create table audit_entry (
    id           uuid        primary key,
    chain_key    text        not null,
    tenant_id    uuid,
    seq          bigint      not null check (seq > 0),
    occurred_at  timestamptz not null,
    actor_kind   text        not null check (actor_kind in ('PERSON', 'SUPPORT', 'DEVICE', 'SYSTEM')),
    actor_id     text        not null,
    actor_name   text        not null,
    actor_role   text,
    actor_tenant uuid,
    action       text        not null check (length(action) between 1 and 100),
    entity_type  text,
    entity_id    text,
    changes      text,
    details      text,
    ip           text,
    user_agent   text,
    prev_hash    bytea,
    hash         bytea       not null,
    check ((tenant_id is null and chain_key = 'platform') or chain_key = tenant_id::text),
    unique (chain_key, seq)
);

create index audit_entry_tenant_time on audit_entry (tenant_id, occurred_at desc);
create index audit_entry_tenant_action on audit_entry (tenant_id, action, occurred_at desc);
create index audit_entry_tenant_actor on audit_entry (tenant_id, actor_id, occurred_at desc);

-- The head of each chain: its last sequence number and hash. Locking this row serialises appends per chain.
create table audit_chain_head (
    chain_key  text   primary key,
    tenant_id  uuid,
    last_seq   bigint not null,
    last_hash  bytea
);

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy audit_entry_tenant_isolation on audit_entry
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table audit_chain_head enable row level security;
alter table audit_chain_head force row level security;
create policy audit_chain_head_tenant_isolation on audit_chain_head
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on audit_entry to ${app_role};
grant select, insert, update on audit_chain_head to ${app_role};
