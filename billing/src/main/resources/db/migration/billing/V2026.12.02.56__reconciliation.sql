-- Reconciliation with the acquirer: its settlement files as imported (one row per file, unique per tenant by the
-- file's SHA-256, so the same file twice changes nothing), their transaction lines (a line's acquirer reference and
-- type are unique per tenant unless the line is itself a duplicate), and the exceptions that explain every line or
-- expected operation that did not match. Lines are kept as the acquirer wrote them; only the operation a line is
-- matched to may change (a line linked by hand).
create table recon_import (
    tenant_id       uuid        not null references tenant (id),
    id              uuid        not null,
    file_name       text        not null check (length(file_name) between 1 and 255),
    format          text        not null check (format in ('SANDBOX', 'GENERIC')),
    file_sha256     bytea       not null check (length(file_sha256) = 32),
    file_bytes      bigint      not null check (file_bytes >= 0),
    currency        char(3)     not null,
    line_count      integer     not null check (line_count >= 0),
    matched_count   integer     not null check (matched_count >= 0),
    exception_count integer     not null check (exception_count >= 0),
    imported_at     timestamptz not null,
    imported_by     text        not null,
    primary key (tenant_id, id),
    unique (tenant_id, file_sha256)
);
create index recon_import_tenant_time on recon_import (tenant_id, imported_at desc);

create table recon_line (
    tenant_id          uuid        not null,
    import_id          uuid        not null,
    line_no            integer     not null check (line_no > 0),
    psp_reference      text        not null check (length(psp_reference) between 1 and 100),
    merchant_reference text        check (length(merchant_reference) <= 100),
    entry_type         text        not null check (entry_type in ('CAPTURE', 'REFUND', 'CHARGEBACK',
                                       'CHARGEBACK_REVERSAL')),
    booked_at          timestamptz not null,
    currency           char(3)     not null,
    -- Signed from the merchant's side: credit (capture, chargeback reversal) positive, debit negative.
    gross_minor        bigint      not null,
    commission_minor   bigint      not null check (commission_minor >= 0),
    net_minor          bigint      not null,
    batch_number       text        check (length(batch_number) <= 100),
    duplicate          boolean     not null,
    operation_id       uuid,
    primary key (tenant_id, import_id, line_no),
    foreign key (tenant_id, import_id) references recon_import (tenant_id, id),
    foreign key (tenant_id, operation_id) references payment_operation (tenant_id, id),
    check (net_minor = gross_minor - commission_minor),
    check (not (duplicate and operation_id is not null))
);
-- Line references unique: the first line with a reference and type claims it; a later one is a duplicate.
create unique index recon_line_reference on recon_line (tenant_id, psp_reference, entry_type) where not duplicate;
-- Each payment operation is reconciled against at most one acquirer line.
create unique index recon_line_operation on recon_line (tenant_id, operation_id) where operation_id is not null;

create table recon_exception (
    tenant_id      uuid        not null,
    id             uuid        not null,
    kind           text        not null check (kind in ('EXPECTED_MISSING', 'UNEXPECTED', 'AMOUNT_MISMATCH',
                                   'FEE_MISMATCH', 'DUPLICATE')),
    operation_id   uuid,
    import_id      uuid,
    line_no        integer,
    -- The store of the operation's sale, for store managers; null for a line no sale stands for.
    store_id       uuid,
    reference      text        not null,
    currency       char(3)     not null,
    expected_minor bigint,
    actual_minor   bigint,
    -- Since when the difference stands: the operation's time for a missing line, the line's booking otherwise.
    since          timestamptz not null,
    created_at     timestamptz not null,
    status         text        not null check (status in ('OPEN', 'RESOLVED')),
    resolution     text        check (resolution in ('ARRIVED', 'RECEIVED', 'WRITTEN_OFF', 'LINKED')),
    reason         text        check (length(reason) <= 500),
    resolved_by    text,
    resolved_at    timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, operation_id) references payment_operation (tenant_id, id),
    foreign key (tenant_id, import_id, line_no) references recon_line (tenant_id, import_id, line_no),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    check ((status = 'OPEN') = (resolution is null)),
    check (resolution <> 'WRITTEN_OFF' or reason is not null),
    check (operation_id is not null or line_no is not null)
);
-- An operation is missing from the acquirer's files once; a line raises each kind of exception once.
create unique index recon_exception_missing on recon_exception (tenant_id, operation_id)
    where kind = 'EXPECTED_MISSING';
create unique index recon_exception_line on recon_exception (tenant_id, import_id, line_no, kind)
    where line_no is not null;
create index recon_exception_open on recon_exception (tenant_id, status, since);

alter table recon_import enable row level security;
alter table recon_import force row level security;
create policy recon_import_tenant_isolation on recon_import
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table recon_line enable row level security;
alter table recon_line force row level security;
create policy recon_line_tenant_isolation on recon_line
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

alter table recon_exception enable row level security;
alter table recon_exception force row level security;
create policy recon_exception_tenant_isolation on recon_exception
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert on recon_import to ${app_role};
grant select, insert on recon_line to ${app_role};
grant update (operation_id) on recon_line to ${app_role};
grant select, insert, update on recon_exception to ${app_role};
