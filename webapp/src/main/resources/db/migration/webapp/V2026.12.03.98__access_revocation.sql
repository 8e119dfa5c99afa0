-- When a person's access changed (disabled, another role, other stores): every portal session that began before
-- not_before ends at its next request, on every node (PortalSessionFilter reads this row). Keyed by the identity
-- provider's subject; not tenant data (a person's sessions, whatever tenant), no row-level security.
create table access_revocation (
    subject    text        primary key check (length(subject) between 1 and 255),
    not_before timestamptz not null
);

grant select, insert, update on access_revocation to ${app_role};
