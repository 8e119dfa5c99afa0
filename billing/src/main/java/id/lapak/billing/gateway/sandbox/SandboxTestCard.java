package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.CardBrand;

/**
 * The sandbox's seeded test cards (also listed in README and {@code docs/sandbox-acquirer.md}). Any expiry in the
 * future works; an expiry in the past gets {@code 54}. Balances are in minor units of the authorization's currency
 * as Lapak counts them ({@code CurrencyUnits}: whole rupiah for IDR; the sandbox does no currency conversion). Luhn-valid cards not listed here get an account with
 * {@link #DEFAULT_BALANCE_MINOR} at the issuer their BIN routes to; a number failing the Luhn check gets {@code 14}.
 */
public enum SandboxTestCard {
    VISA_APPROVED("4111111111111111", CardBrand.VISA, Issuer.NUSANTARA, 1_000_000_000L, Behaviour.NORMAL),
    MASTERCARD_APPROVED("5555555555554444", CardBrand.MASTERCARD, Issuer.NUSANTARA, 1_000_000_000L, Behaviour.NORMAL),
    JCB_APPROVED("3530111333300000", CardBrand.JCB, Issuer.SAMUDRA, 1_000_000_000L, Behaviour.NORMAL),
    AMEX_APPROVED("378282246310005", CardBrand.AMEX, Issuer.SAMUDRA, 1_000_000_000L, Behaviour.NORMAL),
    UNIONPAY_APPROVED("6200000000000005", CardBrand.UNIONPAY, Issuer.SAMUDRA, 1_000_000_000L, Behaviour.NORMAL),
    GPN_APPROVED("9360000000000005", CardBrand.GPN, Issuer.SAMUDRA, 1_000_000_000L, Behaviour.NORMAL),
    /** 50,000 available (Rp 50.000): more than that is declined with {@code 51}. */
    INSUFFICIENT_FUNDS("4000000000009995", CardBrand.VISA, Issuer.NUSANTARA, 50_000L, Behaviour.NORMAL),
    /** Always {@code 05}. */
    DO_NOT_HONOUR("4000000000000002", CardBrand.VISA, Issuer.NUSANTARA, 1_000_000_000L, Behaviour.DO_NOT_HONOUR),
    /** The issuer's record says expired, whatever the card says: {@code 54}. */
    EXPIRED("4000000000000069", CardBrand.VISA, Issuer.NUSANTARA, 1_000_000_000L, Behaviour.EXPIRED),
    /** The issuer knows no such account: {@code 14}. */
    INVALID_CARD("4000000000000143", CardBrand.VISA, Issuer.NUSANTARA, 0L, Behaviour.NO_SUCH_ACCOUNT),
    /** Routes to Bank Gunung, which is offline unless switched on in {@link SandboxControls}: {@code 91}. */
    ISSUER_UNAVAILABLE("4999990000000007", CardBrand.VISA, Issuer.GUNUNG, 1_000_000_000L, Behaviour.NORMAL),
    /** 100,000 available (Rp 100.000); a larger amount is partially approved ({@code 10}) for what is available. */
    PARTIAL_APPROVAL("4000000000000127", CardBrand.VISA, Issuer.NUSANTARA, 100_000L, Behaviour.PARTIAL),
    /**
     * The acquirer holds the funds but its answer never arrives: {@code GatewayTimeoutException}. The caller must
     * reverse; asking again with the same request id returns the approval.
     */
    TIMEOUT("4000000000000135", CardBrand.VISA, Issuer.NUSANTARA, 1_000_000_000L, Behaviour.TIMEOUT);

    /** Balance of a Luhn-valid card that is not a seeded test card: 10,000,000 (Rp 10.000.000). */
    public static final long DEFAULT_BALANCE_MINOR = 10_000_000L;

    private final String pan;
    private final CardBrand brand;
    private final Issuer issuer;
    private final long balanceMinor;
    private final Behaviour behaviour;

    SandboxTestCard(String pan, CardBrand brand, Issuer issuer, long balanceMinor, Behaviour behaviour) {
        this.pan = pan;
        this.brand = brand;
        this.issuer = issuer;
        this.balanceMinor = balanceMinor;
        this.behaviour = behaviour;
    }

    /** The test card number (public test data, never a real card). */
    public String pan() {
        return pan;
    }

    public CardBrand brand() {
        return brand;
    }

    public long balanceMinor() {
        return balanceMinor;
    }

    /** The issuer's name as it appears in the journal. */
    public String issuerName() {
        return issuer.displayName();
    }

    Issuer issuer() {
        return issuer;
    }

    Behaviour behaviour() {
        return behaviour;
    }

    /** How the issuer treats an account beyond its balance. */
    enum Behaviour {
        NORMAL,
        DO_NOT_HONOUR,
        EXPIRED,
        NO_SUCH_ACCOUNT,
        PARTIAL,
        TIMEOUT
    }
}
