-- The sandbox acquirer's journal: its settlement file. The sandbox stands for the outside world (an acquirer and
-- its issuers), so this is not tenant data and has no tenant_id and no row-level security; every table of the
-- sandbox is named sandbox_*, holds no tenant data and no card number (only BIN, last four and an HMAC of the PAN
-- under the sandbox's own key), and the application role may only read and append to it.
create table sandbox_journal (
    id                     bigint generated always as identity primary key,
    occurred_at            timestamptz not null,
    operation              text        not null check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND', 'REVERSAL')),
    request_id             text        not null,
    reference              text,
    authorization_reference text,
    issuer                 text,
    account_key            text,
    card_bin               text        check (card_bin ~ '^[0-9]{6}$'),
    card_last4             text        check (card_last4 ~ '^[0-9]{4}$'),
    merchant_id            text,
    terminal_id            text,
    brand                  text,
    entry_mode             text,
    amount_minor           bigint      not null check (amount_minor >= 0),
    approved_minor         bigint      not null check (approved_minor >= 0),
    currency               char(3),
    success                boolean     not null,
    response_code          text        not null,
    authorization_code     text,
    message                text,
    offline                boolean     not null default false
);
-- One answer per request id: the acquirer never acts twice on the same request.
create unique index sandbox_journal_request on sandbox_journal (request_id);
create index sandbox_journal_occurred on sandbox_journal (occurred_at);

grant select, insert on sandbox_journal to ${app_role};
