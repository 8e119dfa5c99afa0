-- Reader keys: each tenant's DUKPT base derivation keys (BDKs), the counters that hand out initial key IDs, and
-- the initial keys delivered to readers. See docs/decisions/0010-reader-key-store.md.

-- A BDK is stored only wrapped under the master key (AES-256-GCM, tenant + algorithm + version as associated
-- data), never in the clear. Versions are never updated or deleted: readers keyed under an old version keep
-- working until they get a new key.
create table reader_bdk (
    tenant_id        uuid        not null references tenant (id),
    algorithm        text        not null check (algorithm in ('AES128', 'TDES')),
    version          integer     not null check (version > 0),
    -- 4 bytes that lead every initial key ID (AES) or KSN (TDES) under this BDK, so a KSN names its BDK.
    bdk_id           bytea       not null check (length(bdk_id) = 4),
    master_key_alias text        not null,
    wrapped_key      bytea       not null,
    kcv              text        not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    primary key (tenant_id, algorithm, version),
    unique (tenant_id, algorithm, bdk_id)
);

-- The next device number under a BDK, taken with one atomic update so app nodes never hand out the same one.
create table reader_key_counter (
    tenant_id   uuid   not null,
    algorithm   text   not null,
    bdk_version integer not null,
    last_number bigint not null default 0,
    primary key (tenant_id, algorithm, bdk_version),
    foreign key (tenant_id, algorithm, bdk_version) references reader_bdk (tenant_id, algorithm, version)
);

-- One row per initial key delivered. The unique keys make an initial key ID impossible to hand out twice under a
-- BDK, whatever the counter says.
create table reader_key (
    tenant_id      uuid        not null,
    id             uuid        not null,
    device_id      uuid        not null,
    reader_serial  text        not null check (length(reader_serial) between 1 and 64),
    algorithm      text        not null,
    bdk_version    integer     not null,
    device_number  bigint      not null check (device_number > 0),
    initial_key_id text        not null,
    kcv            text        not null,
    delivery_id    uuid        not null,
    injected_at    timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, algorithm, bdk_version, device_number),
    unique (tenant_id, algorithm, bdk_version, initial_key_id),
    unique (tenant_id, delivery_id),
    foreign key (tenant_id, device_id) references device (tenant_id, id),
    foreign key (tenant_id, algorithm, bdk_version) references reader_bdk (tenant_id, algorithm, version)
);
create index reader_key_device on reader_key (tenant_id, device_id, injected_at desc);

do $$
declare
    t text;
begin
    foreach t in array array['reader_bdk', 'reader_key_counter', 'reader_key']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant() or app_platform_access()) '
                       'with check (tenant_id = app_current_tenant() or app_platform_access())', t || '_tenant_isolation', t);
    end loop;
end $$;

grant select, insert on reader_bdk, reader_key to ${app_role};
grant select, insert, update on reader_key_counter to ${app_role};
