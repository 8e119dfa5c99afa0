-- Login sessions Keycloak ended (OIDC Back-Channel Logout: the person logged out elsewhere, an admin ended their
-- sessions, Keycloak expired them): every portal session begun from that Keycloak session (the ID token's sid) ends
-- at its next request, on every node (PortalSessionFilter reads this table). Not tenant data, no row-level security.
-- Rows older than Keycloak's longest session are pruned as new ones arrive.
create table login_session_revocation (
    sid        text        primary key check (length(sid) between 1 and 255),
    subject    text        check (length(subject) <= 255),
    revoked_at timestamptz not null
);
create index login_session_revocation_revoked_at on login_session_revocation (revoked_at);

grant select, insert, update, delete on login_session_revocation to ${app_role};
