-- Devices, pairing codes, configuration layers, heartbeats and alerts. Every tenant table carries tenant_id,
-- leads its keys and indexes with it, and is guarded by row-level security like the tenant-model tables.

create table device (
    tenant_id        uuid        not null references tenant (id),
    id               uuid        not null,
    store_id         uuid        not null,
    name             text        not null check (length(name) between 1 and 100),
    status           text        not null check (status in ('ACTIVE', 'REVOKED', 'RETIRED')),
    public_key       bytea       not null,
    model            text,
    serial_number    text,
    os_version       text,
    app_version      text,
    reader_model     text,
    reader_serial    text,
    reader_firmware  text,
    battery_percent  integer check (battery_percent between 0 and 100),
    charging         boolean,
    connectivity     text,
    signal_strength  integer,
    pending_uploads  integer check (pending_uploads >= 0),
    device_clock     timestamptz,
    paired_at        timestamptz not null,
    last_seen_at     timestamptz,
    status_reason    text,
    status_changed_at timestamptz,
    -- When something of the device itself that its configuration shows (name, store) last changed.
    config_changed_at timestamptz not null,
    version          bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);
create index device_tenant_store on device (tenant_id, store_id);
create index device_tenant_last_seen on device (tenant_id, last_seen_at);
-- Authentication looks a device up by its id before it knows the tenant (through the platform path).
create unique index device_id on device (id);

-- Pairing codes are looked up by the code alone (the device knows nothing else), so the hash is unique across
-- tenants; only the SHA-256 of a code is stored.
create table pairing_code (
    tenant_id    uuid        not null references tenant (id),
    id           uuid        not null,
    code_hash    bytea       not null,
    store_id     uuid        not null,
    device_name  text        check (length(device_name) between 1 and 100),
    created_by   text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    device_id    uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);
create unique index pairing_code_hash on pairing_code (code_hash);
create index pairing_code_tenant_store on pairing_code (tenant_id, store_id, created_at);

-- Failed pairing attempts, for throttling guesses across all app nodes. Platform data: no tenant is known for an
-- unknown code.
create table pairing_failure (
    id             bigint generated always as identity primary key,
    source_address text        not null,
    store_id       uuid,
    reason         text        not null,
    attempted_at   timestamptz not null
);
create index pairing_failure_source on pairing_failure (source_address, attempted_at);
create index pairing_failure_store on pairing_failure (store_id, attempted_at);

-- Assertion ids already used, so a replayed assertion is refused on every node.
create table device_assertion (
    tenant_id  uuid        not null references tenant (id),
    device_id  uuid        not null,
    jti        text        not null,
    expires_at timestamptz not null,
    primary key (tenant_id, device_id, jti)
);
create index device_assertion_expiry on device_assertion (expires_at);

-- Configuration layers: tenant, store and device overrides over the platform defaults (kept in code).
create table device_config_layer (
    tenant_id  uuid        not null references tenant (id),
    scope      text        not null check (scope in ('TENANT', 'STORE', 'DEVICE')),
    scope_id   uuid        not null,
    settings   jsonb       not null default '{}'::jsonb,
    version    bigint      not null default 0,
    updated_at timestamptz not null,
    updated_by text        not null,
    primary key (tenant_id, scope, scope_id)
);

-- A device's timeline: paired, configuration fetched, heartbeats, renamed, moved, revoked, retired.
create table device_event (
    tenant_id   uuid        not null references tenant (id),
    id          bigint generated always as identity,
    device_id   uuid        not null,
    kind        text        not null,
    detail      text,
    actor       text,
    occurred_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, device_id) references device (tenant_id, id)
);
create index device_event_device on device_event (tenant_id, device_id, occurred_at desc);

-- Fleet alerts raised by the health job; cleared when the condition ends.
create table device_alert (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    device_id       uuid        not null,
    kind            text        not null check (kind in ('OFFLINE', 'APP_OUTDATED', 'BATTERY_LOW')),
    raised_at       timestamptz not null,
    detail          text,
    acknowledged_at timestamptz,
    acknowledged_by text,
    cleared_at      timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, device_id) references device (tenant_id, id)
);
create unique index device_alert_open on device_alert (tenant_id, device_id, kind) where cleared_at is null;

do $$
declare
    t text;
begin
    foreach t in array array['device', 'pairing_code', 'device_assertion', 'device_config_layer', 'device_event',
                             'device_alert']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (tenant_id = app_current_tenant() or app_platform_access()) '
                       'with check (tenant_id = app_current_tenant() or app_platform_access())', t || '_tenant_isolation', t);
    end loop;
end $$;

grant select, insert, update on device, pairing_code, device_config_layer, device_alert to ${app_role};
grant select, insert on device_event to ${app_role};
grant select, insert, delete on device_assertion, pairing_failure to ${app_role};
