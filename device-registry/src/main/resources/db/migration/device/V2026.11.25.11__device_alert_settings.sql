-- A tenant's thresholds for the device health alerts. No row means the defaults below; the merchant admin changes
-- them in the portal.
create table device_alert_settings (
    tenant_id             uuid        primary key references tenant (id),
    offline_after_minutes integer     not null default 10 check (offline_after_minutes between 1 and 1440),
    battery_low_percent   integer     not null default 15 check (battery_low_percent between 1 and 99),
    updated_at            timestamptz not null,
    updated_by            text        not null
);

alter table device_alert_settings enable row level security;
alter table device_alert_settings force row level security;
create policy device_alert_settings_tenant_isolation on device_alert_settings
    using (tenant_id = app_current_tenant() or app_platform_access())
    with check (tenant_id = app_current_tenant() or app_platform_access());

grant select, insert, update on device_alert_settings to ${app_role};
