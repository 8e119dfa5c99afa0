-- Per-person settings (language). Keyed by the identity provider's subject; not tenant data, so no tenant_id:
-- support staff have preferences too and belong to no tenant.
create table user_preference (
    subject    text        primary key check (length(subject) between 1 and 255),
    locale     text        not null check (locale in ('en', 'id')),
    updated_at timestamptz not null
);

grant select, insert, update on user_preference to ${app_role};
