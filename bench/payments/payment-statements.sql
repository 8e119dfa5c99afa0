-- One payment's database work as the application does it, without the application: the claim transaction, the
-- acquirer's journal rows and the decision transaction, statement by statement with the same SQL as PaymentRows,
-- ReaderKeyUses and JdbcSandboxJournal (keep them alike), the tenant sealed as TenantSeal does (nonce, then the
-- seal; bench_seal computes in the database what TenantSeal computes in Java). A sale of a custom amount, approved
-- and captured at once. Run by authorizations.sh with pgbench -M prepared as the application's role; variables
-- (-D): tenant, store, device, alg, keyid. Differences, each in the database's favour: both journal rows share one
-- commit (the application journals the authorization before it captures) and there is no catch-up read.
\set key random(1, 1000000000000000)
\set counter random(1, 1000000000000)
BEGIN;
select app_transaction_nonce() as nonce \gset
select set_config('app.tenant_id', :tenant, true), set_config('app.tenant_seal', bench_seal(:tenant, :nonce), true);
with s as (
    insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status,
                      claimed_until, currency, amount_minor, tip_minor, tax_minor, customer_id, entry_mode,
                      offline, device_time, received_at, sold_at, decided_at, card_brand, masked_pan,
                      pan_last4, expiry_month, expiry_year, card_fingerprint, response_code, decline_reason,
                      cashier_code, cashier_name, discount_minor)
    values (:tenant::uuid, gen_random_uuid(), :store::uuid, :device::uuid, 'db-' || :key, sha256(convert_to(:key::text, 'UTF8')),
            'PENDING', now() + interval '60 seconds', 'IDR', 10000, 0, 0, null, 'CHIP', false, now(), now(), now(), null,
            'VISA', '411111******1111', '1111', 12, 2030, sha256(convert_to('4111111111111111', 'UTF8')), null, null,
            null, null, null)
    on conflict (tenant_id, device_id, idempotency_key) do nothing
    returning id),
l as (
    insert into sale_line (tenant_id, sale_id, line_no, variant_id, description, quantity,
                           unit_price_minor, tax_minor, total_minor, discount_minor)
    select s_tenant.t, s.id, t.n::int, t.v::uuid, t.d, t.q::int, t.u::bigint, t.x::bigint, t.o::bigint, t.c::bigint
    from s, (select :tenant::uuid as t) s_tenant,
         unnest('{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[],
                '{}'::text[]) as t(n, v, d, q, u, x, o, c))
select (select id from s) as sale,
       (select capture_mode from payment_settings where tenant_id = :tenant::uuid) as capture_mode \gset
with owner as (
    select device_id from reader_key
    where tenant_id = :tenant::uuid and algorithm = :alg and upper(initial_key_id) = :keyid),
used as (
    insert into reader_key_use (tenant_id, algorithm, initial_key_id, counter, device_id, sale_id, used_at)
    select :tenant::uuid, :alg, :keyid, :counter::bigint, o.device_id, :sale::uuid, now()
    from owner o where o.device_id = :device::uuid
    on conflict do nothing
    returning 1)
select exists (select 1 from owner o where o.device_id = :device::uuid), (select count(*) from used);
COMMIT;
insert into sandbox_journal (occurred_at, operation, request_id, reference, authorization_reference, issuer,
    account_key, card_bin, card_last4, merchant_id, terminal_id, brand, entry_mode, amount_minor, approved_minor,
    currency, success, response_code, authorization_code, message, offline)
values (now(), 'AUTHORIZE', :sale, 'SBXA-' || :sale, 'SBXA-' || :sale, 'Bank Nusantara',
        'xWzmNvaiTz6ZbaZVcWkb1Z5YrfdlO8B4S72I1EjiZk0', '411111', '1111', :tenant, :device, 'VISA', 'CHIP', 10000, 10000,
        'IDR', true, '00', 'RAM4NJ', 'Approved', false),
       (now(), 'CAPTURE', 'c-' || :sale, 'SBXC-' || :sale, 'SBXA-' || :sale, 'Bank Nusantara',
        'xWzmNvaiTz6ZbaZVcWkb1Z5YrfdlO8B4S72I1EjiZk0', null, null, null, null, null, null, 10000, 10000,
        'IDR', true, '00', null, 'Captured', false)
on conflict (request_id) do nothing;
BEGIN;
select app_transaction_nonce() as nonce \gset
select set_config('app.tenant_id', :tenant, true), set_config('app.tenant_seal', bench_seal(:tenant, :nonce), true);
with decided as (
    update sale set status = 'CAPTURED', claimed_until = null, decided_at = now(), response_code = '00',
        authorization_code = 'RAM4NJ', decline_reason = null, gateway_reference = 'SBXA-' || :sale,
        authorized_minor = 10000, captured_minor = 10000, version = version + 1
    where tenant_id = :tenant::uuid and id = :sale::uuid and status = 'PENDING'
    returning id),
operations as (
    insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, response_code,
        gateway_reference, message, actor, created_at, completed_at)
    select v.* from decided cross join (values
        (:tenant::uuid, :sale::uuid, :sale::uuid, 'AUTHORIZE', 'SUCCEEDED', 10000::bigint, '00', 'SBXA-' || :sale,
         'Approved', 'device Bench device', now(), now()),
        (:tenant::uuid, gen_random_uuid(), :sale::uuid, 'CAPTURE', 'SUCCEEDED', 10000::bigint, '00', 'SBXC-' || :sale,
         'Captured', 'device Bench device', now(), now()))
        as v(tenant_id, id, sale_id, kind, status, amount_minor, response_code, gateway_reference,
             message, actor, created_at, completed_at)
    returning 1)
select count(*) from decided;
COMMIT;
