-- Functions for the database-only measurement of authorizations.sh, created by the owner in the benchmark's own fresh
-- database and dropped after it; never part of the schema.
--
-- bench_seal: the seal TenantSeal computes in Java, computed here so that pgbench can seal a transaction.
-- bench_claim, bench_decide: the claim and the decision transactions of payment-statements.sql, each as one call
-- (the same statements inside one PL/pgSQL function, the seal set inside), so that each transaction costs one round
-- trip: the database's work for a payment with the round trips taken out (payment-one-call.sql).

create or replace function bench_seal(tenant text, nonce text) returns text
    language sql stable security definer set search_path = public, pg_temp
as $$
    select encode(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(tenant || ':' || nonce, 'UTF8'))), 'hex')
    from tenant_context_key k
$$;
revoke all on function bench_seal(text, text) from public;
grant execute on function bench_seal(text, text) to lapak_app;

create or replace function bench_claim(tenant text, store uuid, device uuid, alg text, keyid text, key bigint,
                                       counter bigint) returns uuid
    language plpgsql
as $$
declare
    sale_id uuid;
    mode text;
    owned boolean;
    used bigint;
begin
    perform set_config('app.tenant_id', tenant, true),
            set_config('app.tenant_seal', bench_seal(tenant, app_transaction_nonce()), true);
    with s as (
        insert into sale (tenant_id, id, store_id, device_id, idempotency_key, request_hash, status,
                          claimed_until, currency, amount_minor, tip_minor, tax_minor, customer_id, entry_mode,
                          offline, device_time, received_at, sold_at, decided_at, card_brand, masked_pan,
                          pan_last4, expiry_month, expiry_year, card_fingerprint, response_code, decline_reason,
                          cashier_code, cashier_name, discount_minor)
        values (tenant::uuid, gen_random_uuid(), store, device, 'db-' || key, sha256(convert_to(key::text, 'UTF8')),
                'PENDING', now() + interval '60 seconds', 'IDR', 10000, 0, 0, null, 'CHIP', false, now(), now(), now(),
                null, 'VISA', '411111******1111', '1111', 12, 2030, sha256(convert_to('4111111111111111', 'UTF8')),
                null, null, null, null, null)
        on conflict (tenant_id, device_id, idempotency_key) do nothing
        returning id),
    l as (
        insert into sale_line (tenant_id, sale_id, line_no, variant_id, description, quantity,
                               unit_price_minor, tax_minor, total_minor, discount_minor)
        select s_tenant.t, s.id, t.n::int, t.v::uuid, t.d, t.q::int, t.u::bigint, t.x::bigint, t.o::bigint,
               t.c::bigint
        from s, (select tenant::uuid as t) s_tenant,
             unnest('{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[], '{}'::text[],
                    '{}'::text[], '{}'::text[]) as t(n, v, d, q, u, x, o, c))
    select (select id from s), (select capture_mode from payment_settings p where p.tenant_id = tenant::uuid)
    into sale_id, mode;
    with owner as (
        select r.device_id from reader_key r
        where r.tenant_id = tenant::uuid and r.algorithm = alg and upper(r.initial_key_id) = keyid),
    u as (
        insert into reader_key_use (tenant_id, algorithm, initial_key_id, counter, device_id, sale_id, used_at)
        select tenant::uuid, alg, keyid, counter, o.device_id, sale_id, now()
        from owner o where o.device_id = device
        on conflict do nothing
        returning 1)
    select exists (select 1 from owner o where o.device_id = device), (select count(*) from u) into owned, used;
    return sale_id;
end $$;

create or replace function bench_decide(tenant text, sale uuid) returns bigint
    language plpgsql
as $$
declare
    decided_count bigint;
begin
    perform set_config('app.tenant_id', tenant, true),
            set_config('app.tenant_seal', bench_seal(tenant, app_transaction_nonce()), true);
    with decided as (
        update sale set status = 'CAPTURED', claimed_until = null, decided_at = now(), response_code = '00',
            authorization_code = 'RAM4NJ', decline_reason = null, gateway_reference = 'SBXA-' || bench_decide.sale,
            authorized_minor = 10000, captured_minor = 10000, version = version + 1
        where tenant_id = tenant::uuid and id = bench_decide.sale and status = 'PENDING'
        returning id),
    operations as (
        insert into payment_operation (tenant_id, id, sale_id, kind, status, amount_minor, response_code,
            gateway_reference, message, actor, created_at, completed_at)
        select v.* from decided cross join (values
            (tenant::uuid, bench_decide.sale, bench_decide.sale, 'AUTHORIZE', 'SUCCEEDED', 10000::bigint, '00',
             'SBXA-' || bench_decide.sale, 'Approved', 'device Bench device', now(), now()),
            (tenant::uuid, gen_random_uuid(), bench_decide.sale, 'CAPTURE', 'SUCCEEDED', 10000::bigint, '00',
             'SBXC-' || bench_decide.sale, 'Captured', 'device Bench device', now(), now()))
            as v(tenant_id, id, sale_id, kind, status, amount_minor, response_code, gateway_reference,
                 message, actor, created_at, completed_at)
        returning 1)
    select count(*) from decided into decided_count;
    return decided_count;
end $$;

grant execute on function bench_claim(text, uuid, uuid, text, text, bigint, bigint), bench_decide(text, uuid) to lapak_app;
