-- Onboarding a tenant: what support enters (tax id, plan, the first merchant admin) and where provisioning its
-- Keycloak group and admin stands. A tenant is PROVISIONING while Keycloak is being set up, ACTIVE once its admin
-- exists, and PROVISIONING_FAILED (with the reason, never a secret) when Keycloak was down or refused; support
-- retries from there. No tenant without its admin is ever ACTIVE.

alter table tenant add column tax_id text check (tax_id is null or length(tax_id) between 1 and 30);
alter table tenant add column plan text not null default 'STARTER' check (plan in ('STARTER', 'GROWTH', 'ENTERPRISE'));
alter table tenant add column admin_email text check (admin_email is null or length(admin_email) between 3 and 254);
alter table tenant add column admin_name text check (admin_name is null or length(admin_name) between 1 and 200);
alter table tenant add column provisioning_error text check (provisioning_error is null or length(provisioning_error) <= 500);

alter table tenant drop constraint tenant_status_check;
alter table tenant add constraint tenant_status_check
    check (status in ('ACTIVE', 'SUSPENDED', 'PROVISIONING', 'PROVISIONING_FAILED'));
