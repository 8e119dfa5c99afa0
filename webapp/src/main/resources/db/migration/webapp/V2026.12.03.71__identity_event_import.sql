-- Keycloak's user events (failed logins, lockouts, password and one-time-code changes) copied into the audit log:
-- one row per event id, written in the transaction that writes its audit entry, so an event is audited exactly
-- once however often the import runs and on whichever node. The newest row is where the next import starts.
-- Not tenant data (the event's tenant is in the audit entry), no row-level security.
create table identity_event_import (
    event_id    text        primary key check (length(event_id) between 1 and 100),
    occurred_at timestamptz not null,
    imported_at timestamptz not null default now()
);
create index identity_event_import_occurred_at on identity_event_import (occurred_at);

grant select, insert, delete on identity_event_import to ${app_role};
