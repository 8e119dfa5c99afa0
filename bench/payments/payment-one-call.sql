-- payment-statements.sql with each transaction as one call (bench-functions.sql): the same database work, one round
-- trip per transaction. Run by authorizations.sh.
\set key random(1, 1000000000000000)
\set counter random(1, 1000000000000)
select bench_claim(:tenant, :store, :device, :alg, :keyid, :key, :counter) as sale \gset
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
select bench_decide(:tenant, :sale);
